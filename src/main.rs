fn main() {
    std::process::exit(routine_load_fe_cli_placeholder());
}

fn routine_load_fe_cli_placeholder() -> i32 {
    eprintln!("rlfe: the command-line interface is not built yet");
    2
}
