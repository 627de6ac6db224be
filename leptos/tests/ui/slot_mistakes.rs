use leptos::prelude::*;

#[slot]
struct Then {
    children: ChildrenFn,
}

#[slot]
struct ElseIf {
    cond: bool,
    children: ChildrenFn,
}

#[component]
fn SlotIf(then: Then, #[prop(optional)] else_if: Vec<ElseIf>) -> impl IntoView {
    let _ = else_if;
    (then.children)()
}

fn main() {
    // A slot outside a component's tag.
    let _ = view! { <div><Then slot>"A"</Then></div> };
    // Two slots for a prop that takes one.
    let _ = view! {
        <SlotIf>
            <Then slot>"A"</Then>
            <Then slot>"B"</Then>
        </SlotIf>
    };
    // A slot without its required prop.
    let _ = view! {
        <SlotIf>
            <Then slot>"A"</Then>
            <ElseIf slot>"B"</ElseIf>
        </SlotIf>
    };
    // A slot for a prop the component does not have.
    let _ = view! {
        <SlotIf>
            <Then slot>"A"</Then>
            <ElseIf slot:otherwise cond=true>"B"</ElseIf>
        </SlotIf>
    };
}
