//! The mistakes users make with `path!` and `#[derive(Params)]` are compile errors that
//! point at their code and say what to do. Each case is `tests/ui/NAME.rs` with its expected
//! `tests/ui/NAME.stderr` (regenerate with `TRYBUILD=overwrite` after a deliberate change).

#[test]
fn user_mistakes_are_clear_compile_errors() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
