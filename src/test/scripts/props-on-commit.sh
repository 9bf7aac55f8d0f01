#!/usr/bin/env bash
# Runs today's SchemaPropertyTest against the generated models, templates and runtime of an older
# commit (default b415ad5, where issue 17's review found five round-trip defects), in a scratch
# worktree that is removed afterwards. Not part of the build or CI: it shows that the property
# catches what the review found by hand. Usage (from the repository):
#
#   bash src/test/scripts/props-on-commit.sh [COMMIT]
#
# Three runs, each stopping a schema at its first failure, so each narrows what an earlier defect
# would hide: 1. everything; 2. the round trip alone, strings without lone surrogates (b415ad5
# also wrote those as "?"); 3. only the null-element mutation, no round trip; 4. as 2, with no
# numbers in free-form places (b415ad5 changed every one of them). The old commit has no
# corpus of real documents: those are left out (-Dosai.props.allowMissingDocuments). Reports:
# target/props-on-COMMIT-N.txt here.
set -euo pipefail
commit="${1:-b415ad5}"
here="$(git rev-parse --show-toplevel)"
scratch="$(mktemp -d)"
cleanup() {
  git -C "$here" worktree remove --force "$scratch/osai" >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT
git -C "$here" worktree add --detach "$scratch/osai" "$commit" >/dev/null
cp "$here/src/test/java/com/onestepai/osai/internal/SchemaPropertyTest.java" \
  "$scratch/osai/src/test/java/com/onestepai/osai/internal/SchemaPropertyTest.java"
if [ -d "$here/node_modules" ]; then
  ln -s "$here/node_modules" "$scratch/osai/node_modules"
fi
mkdir -p "$here/target"
modes=(
  ""
  "-Dosai.props.mutations=none -Dosai.props.loneSurrogates=false"
  "-Dosai.props.roundTrip=false -Dosai.props.mutations=NULL_ELEMENT -Dosai.props.loneSurrogates=false"
  "-Dosai.props.mutations=none -Dosai.props.loneSurrogates=false -Dosai.props.freeNumbers=false"
)
goal=test
for n in 1 2 3 4; do
  # shellcheck disable=SC2086
  (cd "$scratch/osai" &&
    mvn -B -DskipNpm -Dtest=SchemaPropertyTest -Dsurefire.failIfNoSpecifiedTests=false \
      -Dosai.props.allowMissingDocuments=true ${modes[$((n - 1))]} "$goal") \
    >"$here/target/props-on-$commit-$n.log" 2>&1 || true
  goal=surefire:test # built once
  report="$scratch/osai/target/surefire-reports/com.onestepai.osai.internal.SchemaPropertyTest.txt"
  if [ -f "$report" ]; then
    cp "$report" "$here/target/props-on-$commit-$n.txt"
    rm -f "$report"
    echo "run $n (${modes[$((n - 1))]:-everything}): $(grep -E '^Tests run' "$here/target/props-on-$commit-$n.txt")"
  else
    echo "run $n: no test report, see target/props-on-$commit-$n.log"
  fi
done
echo "reports: target/props-on-$commit-{1,2,3,4}.txt (a failing property on an old commit is the point)"
