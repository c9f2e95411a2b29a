package io.factlint.ingest;

/** What is wrong with a value as written (a date, a word); thrown only for bad input, without a stack trace. */
final class BadValue extends Exception {
    BadValue(String message) {
        super(message, null, false, false);
    }
}
