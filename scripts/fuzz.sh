#!/bin/sh
# Run each fuzz target for a bounded time: scripts/fuzz.sh [SECONDS] [TARGET...]
#
#   SECONDS  how long each target runs (default 60)
#   TARGET   plan, csv, xlsx (default all three)
#
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz
# --locked`). The corpus grows in fuzz/corpus/<target>/ (seeded from
# examples/ on every run); a crashing input is saved in
# fuzz/artifacts/<target>/ and the script exits 1. Keep each crash as a
# case in tests/hostile/fuzz/ once it is fixed.
#
# Every input is bounded: at most 64 KiB (-max_len), 2 GiB of memory
# (-rss_limit_mb, -malloc_limit_mb) and 10 s (-timeout); a run past any of
# them is a crash too. The targets are built without a sanitizer (the
# crate forbids unsafe code; what fuzzing looks for is a panic, an
# overflow, a stack overflow, a hang or runaway memory), with debug
# assertions and overflow checks on.
set -eu

seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-plan csv xlsx}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# The seeds: every file of the example plan, each as the file it is (the
# first byte of a `plan` input chooses the file; see fuzz_targets/plan.rs),
# and the example CRM export (the first byte of a `csv` input chooses the
# mode; see fuzz_targets/csv.rs).
seed() { # seed TARGET NAME BYTE FILE...
    dir=fuzz/corpus/$1
    mkdir -p "$dir"
    out=$dir/seed-$2
    { printf "\\$(printf '%03o' "$3")"; shift 3; cat "$@"; } >"$out"
}
plan=examples/salg-vest
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for target in $targets; do
    case $target in
    plan)
        for f in $plan/sellers/*.yaml; do
            seed plan seller-"$(basename "$f" .yaml)" 0 "$f"
            seed plan new-seller-"$(basename "$f" .yaml)" 7 "$f"
        done
        seed plan seller-render 8 $plan/sellers/kari.yaml
        seed plan team 1 $plan/teams/salg-vest.yaml
        seed plan team-render 9 $plan/teams/salg-vest.yaml
        seed plan config 2 $plan/salgsmal.yaml
        for f in $plan/customers/*.yaml; do
            seed plan customers-"$(basename "$f" .yaml)" 3 "$f"
        done
        for f in $plan/actuals/*.yaml; do
            seed plan actuals-"$(basename "$f" .yaml)" 4 "$f"
        done
        printf 'id;name;revenue;margin;potential;category;prospect\nfjordtre;Fjordtre AS;820 000;0,195;1 000 000;A;false\n"ny, AS";"Ny ""AS""";;;stor;;true\n' >"$tmp/customers.csv"
        seed plan customers-csv 5 "$tmp/customers.csv"
        printf 'seller,metric,value\nkari,revenue,100000\nola,offers,3\n' >"$tmp/actuals.csv"
        seed plan actuals-csv 6 "$tmp/actuals.csv"
        printf 'customer,revenue,contribution\nfjordtre,820000,159900\n' >"$tmp/actuals.csv"
        seed plan actuals-customer-csv 6 "$tmp/actuals.csv"
        ;;
    csv)
        seed csv crm 0 examples/crm-eksport-2027-Q2.csv
        seed csv crm-modeline 2 examples/crm-eksport-2027-Q2.csv
        printf 'id,name\nfjordtre,Fjordtre AS\nnull,Null AS\n1e5,"Tall, AS"\n' >"$tmp/list.csv"
        printf 'Kari Nordmann;Null AS;kr 1,-;1;1;1;1\nola;1e5;2;2;2;2;2\n' >"$tmp/more.csv"
        printf '\0' >"$tmp/nul"
        seed csv crm-customers 1 "$tmp/list.csv" "$tmp/nul" \
            examples/crm-eksport-2027-Q2.csv "$tmp/more.csv"
        ;;
    xlsx)
        seed xlsx book 0 examples/salgsplan.xlsx
        printf '#Selgere\nSelger\tNavn\tTeam\tOmsetning\tStartpunkt omsetning\tDG\tKundemøter per uke\tOmsetning K1\nkari\tKari Nordmann\tsalg-vest\tkr 10 000 000,-\t8000000\t0.25\t8\t2500000\nola\tOla\tsalg-vest\t!#DIV/0!\t?\t25 %%\t\t\n#Team\nTeam\tNavn\tOmsetning\nsalg-vest\tSalg Vest\t60000000\n#Kunder\nKunde\tNavn\tSelger\tOmsetning\tPotensial\nfjordtre\tFjordtre AS\tkari\t1800000\thigh\n#Om planen\nPeriode\t2027\n' >"$tmp/cells.txt"
        seed xlsx cells 1 "$tmp/cells.txt"
        ;;
    *)
        echo "no fuzz target $target (plan, csv, xlsx)" >&2
        exit 2
        ;;
    esac
done

failed=""
for target in $targets; do
    echo "== fuzz $target for ${seconds}s"
    if ! cargo +nightly fuzz run --sanitizer none "$target" "fuzz/corpus/$target" -- \
        -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
        -malloc_limit_mb=2048 -timeout=10 -print_final_stats=1; then
        failed="$failed $target"
    fi
done
if [ -n "$failed" ]; then
    echo "fuzz: crash in$failed (inputs in fuzz/artifacts/)" >&2
    exit 1
fi
echo "fuzz: no crash"
