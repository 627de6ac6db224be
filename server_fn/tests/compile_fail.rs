//! The mistakes users make with `#[server]`, each a compile error at the right span.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
