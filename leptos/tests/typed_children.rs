//! `TypedChildren`, `TypedChildrenFn` and `TypedChildrenMut` as component props, rendered on
//! the server: children written in `view!`, and children given through the props builder,
//! whose closure's own type the component gets back.

use leptos::children::LazyView;
use leptos::context::Provider;
use leptos::prelude::*;
use leptos::ssr::render_to_string;

/// Removes the comment markers around dynamic parts, to compare visible HTML.
fn visible(html: &str) -> String {
    html.replace("<!--[-->", "")
        .replace("<!--]-->", "")
        .replace("<!---->", "")
}

/// Generic over its children, in the way Leptos 0.8 components are written.
#[component]
fn Card<Chil>(title: &'static str, children: TypedChildren<Chil>) -> impl IntoView
where
    Chil: IntoView + Send + 'static,
{
    let children = children.into_inner();
    view! {
        <article>
            <h2>{title}</h2>
            {children()}
        </article>
    }
}

/// Calls the closure inline, as `{children.into_inner()()}`.
#[component]
fn Bare<C: IntoView + 'static>(children: TypedChildren<C>) -> impl IntoView {
    view! { <div>{children.into_inner()()}</div> }
}

/// Passes the closure on to a plain function generic over what it returns.
#[component]
fn Delegating<C: IntoView + 'static>(children: TypedChildren<C>) -> impl IntoView {
    boxed(children.into_inner())
}

fn boxed<V: IntoView>(children: impl FnOnce() -> V) -> impl IntoView {
    view! { <span class="box">{children()}</span> }
}

#[component]
fn Tabs<C>(labels: Vec<&'static str>, children: TypedChildrenFn<C>) -> impl IntoView
where
    C: IntoView + 'static,
{
    labels
        .into_iter()
        .map(|label| {
            let panel = children.clone().into_inner();
            view! { <section data-tab=label>{panel()}</section> }
        })
        .collect::<Vec<_>>()
}

#[component]
fn Counted<C>(times: usize, children: TypedChildrenMut<C>) -> impl IntoView
where
    C: IntoView + 'static,
{
    let mut children = children.into_inner();
    (0..times)
        .map(|_| view! { <li>{children()}</li> })
        .collect::<Vec<_>>()
}

/// The children closure's return type, here a number, is kept: `into_inner` on what the
/// closure gives back returns it.
#[component]
fn Doubled(children: TypedChildren<LazyView<u32>>) -> impl IntoView {
    let n = children.into_inner()().into_inner();
    view! { <b>{n * 2}</b> }
}

#[test]
fn typed_children_render_where_the_component_puts_them() {
    let html = render_to_string(|| {
        view! {
            <Card title="Hello"><p>"body"</p>" and text"</Card>
            <Bare><i>"inline"</i></Bare>
            <Delegating>"passed on"</Delegating>
        }
    });
    assert_eq!(
        visible(&html),
        "<article><h2>Hello</h2><p>body</p> and text</article>\
         <div><i>inline</i></div><span class=\"box\">passed on</span>"
    );
}

#[test]
fn typed_children_see_the_values_of_the_enclosing_view() {
    let name = RwSignal::new("Ada");
    let html = render_to_string(move || {
        view! { <Card title="Who"><em>{move || name.get()}</em></Card> }
    });
    assert!(visible(&html).contains("<em>Ada</em>"), "{html}");
}

#[test]
fn typed_children_fn_renders_its_children_once_per_call() {
    let html = render_to_string(|| {
        view! { <Tabs labels=vec!["a", "b"]><p>"panel"</p></Tabs> }
    });
    assert_eq!(
        visible(&html),
        r#"<section data-tab="a"><p>panel</p></section><section data-tab="b"><p>panel</p></section>"#
    );
}

#[test]
fn typed_children_mut_keeps_state_between_calls() {
    let html = render_to_string(|| {
        let mut calls = 0;
        view! { <Counted times=3>{calls += 1; calls}</Counted> }
    });
    assert_eq!(visible(&html), "<li>1</li><li>2</li><li>3</li>");
}

#[test]
fn children_given_through_the_builder_keep_their_own_type() {
    let props = DoubledProps::builder()
        .children(ToChildren::to_children(|| 21_u32))
        .build();
    let html = render_to_string(move || Doubled(props));
    assert_eq!(visible(&html), "<b>42</b>");
}

#[derive(Clone, Copy)]
struct Theme(&'static str);

/// Provides a context before placing its children.
#[component]
fn Themed<C: IntoView + Send + 'static>(children: TypedChildren<C>) -> impl IntoView {
    provide_context(Theme("dark"));
    let children = children.into_inner();
    view! { <div>{children()}</div> }
}

#[component]
fn ThemeName() -> impl IntoView {
    use_context::<Theme>().map_or("no theme", |theme| theme.0)
}

#[test]
fn typed_children_are_built_inside_the_component_and_see_its_context() {
    let html = render_to_string(|| view! { <Themed><ThemeName/></Themed> });
    assert_eq!(visible(&html), "<div>dark</div>");
}

/// Typed children passed on inside the children of other components, as Leptos code does.
#[component]
fn Toggled<C>(#[prop(into)] on: Signal<bool>, children: TypedChildrenFn<C>) -> impl IntoView
where
    C: IntoView + Send + 'static,
{
    let children = children.into_inner();
    view! { <Show when=move || on.get()>{children()}</Show> }
}

#[component]
fn Provided<C: IntoView + 'static>(children: TypedChildren<C>) -> impl IntoView {
    view! { <Provider value=Theme("light")>{children.into_inner()()}</Provider> }
}

#[test]
fn typed_children_go_through_show_and_provider() {
    let html = |on: bool| {
        render_to_string(move || {
            view! {
                <Toggled on=on><b>"shown"</b></Toggled>
                <Provided><ThemeName/></Provided>
            }
        })
    };
    assert_eq!(visible(&html(true)), "<b>shown</b>light");
    assert_eq!(visible(&html(false)), "light");
}
