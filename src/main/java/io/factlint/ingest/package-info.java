/**
 * Reading fact files (JSON or YAML) into the model: {@link io.factlint.ingest.FactLoader} walks the given paths,
 * parses each file as a token stream (in parallel, within {@link io.factlint.ingest.ParserLimits}), and merges them
 * in path order into a {@link io.factlint.model.FactBase}. Every problem becomes an
 * {@link io.factlint.ingest.InputError} at the position of the offending token; all of them together are thrown as
 * one {@link io.factlint.ingest.InputException}. This package only reads files: it prints nothing and never exits.
 */
package io.factlint.ingest;
