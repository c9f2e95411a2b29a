package io.factlint.model;

/** Who said something: an agency, a ministry, a newspaper, an account on a social network. */
public record Source(String id, String name, SourceKind kind, String url, Location location) {
}
