//! `rlfe`: the routine-load front end on the command line.

mod cli;

fn main() {
    std::process::exit(cli::main());
}
