/**
 * The rule API: the types and functions DRL rules see, beside the model ({@code io.factlint.model},
 * {@code io.factlint.model.vocab}). Import it in a rule file with {@code import io.factlint.rules.*;}.
 *
 * <p>Derived facts the engine inserts before rules fire:
 * <ul>
 *   <li>{@link io.factlint.rules.Timeline}: every statement of one subject's attribute, in time order (a measure
 *       stated for a period counts at the period's end, {@code Moment.countsAt}), with lookups
 *       ({@code latestAtOrBefore(t)}: on a level's timeline, {@code level}, a statement whose period contains
 *       {@code t} too, the latest start winning; {@code statusAt(t, terminal)}, {@code hadBefore}, {@code factsOf});</li>
 *   <li>{@link io.factlint.rules.Moment}: the statements at one time ({@code index}, {@code nextIndex} join
 *       consecutive times with a value; {@code hull}, {@code strictHull} are the joined intervals on both readings,
 *       null on a moment that only says no figure is kept, {@code unrecorded});</li>
 *   <li>{@link io.factlint.rules.DayFacts}: a subject's facts of one calendar day, any attribute;</li>
 *   <li>{@link io.factlint.rules.FactPair}: two facts to compare ({@code from $m.pairs}).</li>
 * </ul>
 * Functions rules call in consequences: {@link io.factlint.rules.Findings} (build a finding: id and severity
 * from the rule's annotations), {@link io.factlint.rules.Figures} and the figure kinds
 * ({@link io.factlint.rules.FigureKind}, {@link io.factlint.rules.FigureKinds}: ratio, expr),
 * {@link io.factlint.rules.ClaimLogic} (three-valued verdicts), {@link io.factlint.rules.Names} (the global
 * {@code names}: entity, source and time words), {@link io.factlint.rules.Dates},
 * {@link io.factlint.rules.QuoteText}, {@link io.factlint.rules.Statements},
 * {@link io.factlint.rules.Percentages} (shares in reasons, with the precision that shows the verdict); {@link io.factlint.rules.StatusAt}
 * is a status lookup's answer.
 *
 * <p>The package depends on the model only (not on the engine that compiles and runs rules). It replaces
 * {@code io.factlint.engine} (derived facts) and {@code io.factlint.engine.functions}; a DRL file that still
 * imports those is mapped to this package when the pack is compiled (see {@code LegacyImports}).
 */
package io.factlint.rules;
