#!/bin/sh
# First start of the compose file's PostgreSQL (docker-entrypoint-initdb.d): the database and Linli's two roles.
#   linli_owner  owns the database and its schemas; the `migrate` service runs as it (creates and alters tables).
#   linli_app    the web app's runtime role: reads and writes rows in the tables linli_owner creates, and nothing else.
# Privileges are granted by default for what linli_owner creates later, so every migration's tables are covered.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$LINLI_OWNER_PASSWORD" -v app_password="$LINLI_APP_PASSWORD" <<'SQL'
CREATE ROLE linli_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE linli_app LOGIN PASSWORD :'app_password';
CREATE DATABASE linli OWNER linli_owner;
\connect linli
REVOKE ALL ON DATABASE linli FROM PUBLIC;
GRANT CONNECT ON DATABASE linli TO linli_app;
ALTER DEFAULT PRIVILEGES FOR ROLE linli_owner GRANT USAGE ON SCHEMAS TO linli_app;
ALTER DEFAULT PRIVILEGES FOR ROLE linli_owner GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO linli_app;
ALTER DEFAULT PRIVILEGES FOR ROLE linli_owner GRANT USAGE, SELECT ON SEQUENCES TO linli_app;
SQL
