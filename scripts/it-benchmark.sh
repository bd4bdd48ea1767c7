# Sourced by the benchmark scripts whose benchmark is a test class run by failsafe on the integration tests'
# throwaway database (not part of verify: the class name does not end in IT).
#   run_it_benchmark <TestClass> <log name> [Maven arguments...]
# Runs it, prints its BENCHMARK lines, and exits 1 with the failure's lines when a check (or the build) failed.
run_it_benchmark() {
  local test="$1" log="target/$2.log"
  shift 2
  mkdir -p target
  ./mvnw -B -ntp verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test="$test" \
    -Dfailsafe.failIfNoSpecifiedTests=false "$@" > "$log" 2>&1 || {
    echo "benchmark failed; see $log" >&2
    grep -E "FAIL|ERROR|expected|Expecting" "$log" | head -40 >&2
    exit 1
  }
  # the test output is in the log, or in a report file where the output goes to files
  grep -h "BENCHMARK" "$log" $(ls target/failsafe-reports/*"$test"*-output.txt 2>/dev/null) \
    | sed 's/^.*BENCHMARK/BENCHMARK/' | awk '!seen[$0]++'
}
