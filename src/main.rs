//! `rlfe`: the routine-load front end on the command line.

mod cli;

// Statements make many small, short-lived allocations: mimalloc serves them in a
// fraction of glibc's instructions. The library leaves the choice to its embedder.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::main());
}
