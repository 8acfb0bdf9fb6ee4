namespace ReportWorker.Registry;

/// <summary>A run that needs the registry found it empty; the message says which import to run.</summary>
public sealed class EmptyRegistryException(string message) : Exception(message);
