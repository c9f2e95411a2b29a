#!/usr/bin/env bash
# The logic of factlint's GitHub Action (action.yml), kept in a script so that it can be run and tested outside
# GitHub (ActionScriptTest runs it on the seed story and on a failing fixture).
#
#   action-check.sh check   run the check, write the reports, print the GitHub annotations, record the gate's exit
#                           code in $GITHUB_OUTPUT (exit-code, sarif, report-dir); exits 0 when it recorded a code,
#                           so that the upload steps run before the job fails
#   action-check.sh gate N  end with the recorded exit code N (0 passed, 1 findings at or above fail-on, 2 bad
#                           input, 3 check not completed), with an ::error line saying why
#   action-check.sh         both: check, then gate (for other CI systems or a shell)
#
# Inputs, from the environment (action.yml maps its inputs to them):
#   FACTLINT_PATHS      fact files or folders, separated by spaces or new lines (default: facts)
#   FACTLINT_FORMATS    report formats, separated by commas or spaces (default: sarif html); sarif and github are
#                       always written (code scanning and the annotations)
#   FACTLINT_FAIL_ON    error, warning, info or never (default: error)
#   FACTLINT_OUTPUT     the report folder (default: factlint-reports)
#   FACTLINT_RULES      the rules folder (default: rules)
#   FACTLINT_ARGS       more options for `factlint check`, separated by spaces (e.g. --baseline old.json)
#   FACTLINT_LAUNCHER   the launcher to run (default: the factlint beside this script's folder)
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
launcher="${FACTLINT_LAUNCHER:-$here/factlint}"

output() { # name value: a step output, when run by GitHub
  if [ -n "${GITHUB_OUTPUT:-}" ]; then printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"; fi
}

check() {
  local out="${FACTLINT_OUTPUT:-factlint-reports}"
  out="${out%/}"
  [ -n "$out" ] || out=.
  local fail_on="${FACTLINT_FAIL_ON:-error}"
  local rules="${FACTLINT_RULES:-rules}"
  set -f # no globbing of the inputs
  local -a paths formats extra args
  read -r -d '' -a paths <<<"${FACTLINT_PATHS:-facts}" || true
  read -r -d '' -a formats <<<"$(printf '%s' "${FACTLINT_FORMATS:-sarif html}" | tr ',' ' ') sarif github" || true
  read -r -d '' -a extra <<<"${FACTLINT_ARGS:-}" || true
  set +f
  args=(check --rules "$rules" --fail-on "$fail_on" -o "$out/")
  local f seen=" "
  for f in "${formats[@]}"; do
    case "$seen" in *" $f "*) continue ;; esac
    seen="$seen$f "
    args+=(--format "$f")
  done
  args+=("${extra[@]}" -- "${paths[@]}")
  echo "factlint ${args[*]}"
  local rc=0
  "$launcher" "${args[@]}" || rc=$?
  # the annotations: the runner turns each ::error/::warning/::notice line into one on the fact file's line
  if [ -f "$out/factlint-github.txt" ] && [ "$rc" -le 1 ]; then
    cat "$out/factlint-github.txt"
  fi
  output exit-code "$rc"
  output report-dir "$out"
  if [ "$rc" -le 1 ] && [ -f "$out/factlint.sarif" ]; then output sarif "$out/factlint.sarif"; fi
  RC=$rc
}

gate() {
  local rc="${1:-}"
  case "$rc" in
    0) echo "factlint: passed"; exit 0 ;;
    1) echo "::error title=factlint::findings at or above fail-on (${FACTLINT_FAIL_ON:-error}); see the annotations and the reports"; exit 1 ;;
    2) echo "::error title=factlint::bad input or usage (exit 2): nothing checked, no report written; see the log of the check step"; exit 2 ;;
    *) echo "::error title=factlint::the check did not complete (exit ${rc:-unknown}); see the log of the check step"; exit 3 ;;
  esac
}

case "${1:-}" in
  check) check; exit 0 ;;
  gate) gate "${2:-}" ;;
  "") check; gate "$RC" ;;
  *) echo "usage: action-check.sh [check | gate EXIT_CODE]" >&2; exit 2 ;;
esac
