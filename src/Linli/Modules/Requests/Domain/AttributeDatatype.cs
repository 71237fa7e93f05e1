namespace Linli.Modules.Requests.Domain;

/// <summary>The six datatypes of GeoReport v2 service attributes.</summary>
internal enum AttributeDatatype { String = 1, Number = 2, Datetime = 3, Text = 4, SingleValueList = 5, MultiValueList = 6 }
