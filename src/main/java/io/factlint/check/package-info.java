/**
 * The application layer: one check from fact files to exit code ({@link io.factlint.check.CheckPipeline}), the
 * request that describes it ({@link io.factlint.check.CheckRequest}), and its outcome
 * ({@link io.factlint.check.CheckOutcome} with the {@link io.factlint.check.Gate} every report and the exit code
 * read). Below the report writers and the command line; above ingest, engine and review. See docs/architecture.md.
 */
package io.factlint.check;
