//! Writes a deterministic synthetic plan document in the seed's layout (TAB-started cells,
//! rows separated by empty lines), for benchmarks and scale tests:
//!
//! ```text
//! cargo run --release --example genplan -- 100000 > big.txt
//! cargo run --release --example genplan -- 10000 --year 2021 --seed 7 > 10k.txt
//! ```
//!
//! The same arguments always give the same bytes. Texts have realistic Chinese lengths,
//! units come from a pool of 60, and deadlines cover every kind the parser knows, spread
//! across the plan year.

use std::io::{self, Write};
use std::process::ExitCode;

use duban::plan::generate::{GenOptions, generate_document};

fn main() -> ExitCode {
    let mut opts = GenOptions::default();
    let mut args = std::env::args().skip(1);
    let mut positional = None;
    while let Some(arg) = args.next() {
        let value = |args: &mut dyn Iterator<Item = String>| args.next().unwrap_or_default();
        let parsed = match arg.as_str() {
            "--year" => value(&mut args).parse().map(|y| opts.year = y).is_ok(),
            "--seed" => value(&mut args).parse().map(|s| opts.seed = s).is_ok(),
            "-h" | "--help" => {
                eprintln!("usage: genplan N [--year YYYY] [--seed S] > plan.txt");
                return ExitCode::SUCCESS;
            }
            n => n.parse().map(|n| positional = Some(n)).is_ok(),
        };
        if !parsed {
            eprintln!("genplan: bad argument `{arg}` (usage: genplan N [--year YYYY] [--seed S])");
            return ExitCode::from(2);
        }
    }
    opts.requirements = positional.unwrap_or(opts.requirements);
    let doc = generate_document(&opts);
    let mut out = io::stdout().lock();
    match out.write_all(doc.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("genplan: {e}");
            ExitCode::FAILURE
        }
    }
}
