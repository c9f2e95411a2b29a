package io.factlint.model;

/** What facts are about: a person, a unit, a group, a place. */
public record Entity(String id, String kind, String name, Location location) {
}
