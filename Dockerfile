# Linli as a container image. Build: docker build -t linli .   Run with PostgreSQL: see compose.yaml and README.md.
# Stage 1 builds with the .NET SDK and npm (the build installs the chart library from npm and copies it into wwwroot/lib).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Restore first, so that the package layers are reused while only the sources change.
COPY .editorconfig Directory.Build.props Directory.Packages.props ./
COPY src/Linli/Linli.csproj src/Linli/
RUN dotnet restore src/Linli/Linli.csproj
COPY src/Linli/package.json src/Linli/package-lock.json src/Linli/
RUN cd src/Linli && npm ci --no-audit --no-fund --loglevel=error
COPY data/ data/
COPY src/Linli/ src/Linli/
RUN dotnet publish src/Linli/Linli.csproj -c Release -o /app --no-restore

# Stage 2 runs on the ASP.NET Core runtime only, as the image's unprivileged user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl for the health check below (the runtime image has no HTTP client).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# The SQLite file (when no PostgreSQL is configured) and local keys live on the data volume, owned by the app's user.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Database__DataFolder=/data
RUN mkdir -p /data && chown "$APP_UID" /data && chmod 0700 /data
VOLUME /data
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD curl --fail --silent --show-error --output /dev/null http://localhost:8080/health || exit 1
ENTRYPOINT ["dotnet", "Linli.dll"]
