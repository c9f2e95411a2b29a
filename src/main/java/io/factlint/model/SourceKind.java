package io.factlint.model;

import java.util.Locale;

/** What sort of body a source is. */
public enum SourceKind {
    AGENCY, GOVERNMENT, MILITARY, MEDIA, SOCIAL, OFFICIAL, OTHER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
