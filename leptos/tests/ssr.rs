//! Server rendering of the `view!` and `#[component]` surface: every construct, its HTML,
//! and escaping.

use leptos::prelude::*;
use leptos::ssr::render_to_string;

/// Removes the comment markers around dynamic parts, to compare visible HTML.
fn visible(html: &str) -> String {
    html.replace("<!--[-->", "")
        .replace("<!--]-->", "")
        .replace("<!---->", "")
}

#[test]
fn static_markup_is_written_as_is_and_text_is_escaped() {
    let html = render_to_string(|| {
        view! {
            <div id="main" class="a b" data-x="1 < 2">
                <p>"Fish & chips <now>"</p>
                <input type="checkbox" checked/>
                <br/>
            </div>
        }
    });
    assert_eq!(
        html,
        r#"<div id="main" class="a b" data-x="1 &lt; 2"><p>Fish &amp; chips &lt;now&gt;</p><input type="checkbox" checked><br></div>"#
    );
}

/// A text literal alone (a view of its own, or a component's only child) is a text view:
/// escaped once, as text inside a template is.
#[test]
fn a_lone_text_literal_is_escaped_once() {
    #[component]
    fn Label(children: Children) -> impl IntoView {
        view! { <label>{children()}</label> }
    }
    assert_eq!(
        view! { "Fish & chips <now>" }.to_html(),
        "Fish &amp; chips &lt;now&gt;"
    );
    let html = render_to_string(|| view! { <Label>"Save & exit >"</Label> });
    assert_eq!(visible(&html), "<label>Save &amp; exit &gt;</label>");
}

#[test]
fn dynamic_values_are_escaped() {
    let evil = "\"><script>alert(1)</script>";
    let html = render_to_string(move || view! { <a title=evil href=move || evil>{evil}</a> });
    assert!(!html.contains("<script>"), "{html}");
    assert_eq!(
        visible(&html),
        r#"<a title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" href="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">"&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a>"#
    );
}

#[test]
fn bound_inputs_are_written_with_their_signals_values() {
    let html = render_to_string(|| {
        let name = RwSignal::new(String::from("Ada \"<Lovelace>\""));
        let (done, set_done) = signal(true);
        let off = RwSignal::new(false);
        view! {
            <input bind:value=name/>
            <input type="checkbox" bind:checked=(done, set_done)/>
            <input type="checkbox" bind:checked=off/>
        }
    });
    assert_eq!(
        visible(&html),
        r#"<input value="Ada &quot;&lt;Lovelace&gt;&quot;"><input type="checkbox" checked><input type="checkbox">"#
    );
}

#[test]
fn radio_buttons_bound_to_a_group_are_checked_where_the_signal_holds_their_value() {
    let html = render_to_string(|| {
        let size = RwSignal::new(String::from("m"));
        let sizes = ["s", "m"];
        let other = String::from("l");
        view! {
            {sizes.map(|s| view! { <input type="radio" name="size" value=s bind:group=size/> })}
            <input type="radio" name="size" bind:group=size value=other/>
            <input type="radio" name="size" value="xl" bind:group=size/>
        }
    });
    assert_eq!(
        visible(&html),
        r#"<input type="radio" name="size" value="s"><input type="radio" name="size" checked value="m"><input type="radio" name="size" value="l"><input type="radio" name="size" value="xl">"#
    );
}

#[test]
fn boolean_and_optional_attributes() {
    let html = render_to_string(|| {
        let none: Option<&str> = None;
        view! { <input disabled=true readonly=false title=none placeholder=Some("type")/> }
    });
    assert_eq!(html, r#"<input disabled placeholder="type">"#);
}

#[test]
fn class_and_style_directives_merge_with_static_values() {
    let (active, _) = signal(true);
    let html = render_to_string(move || {
        view! {
            <button class="btn" class:active=move || active.get() class:hidden=false style="margin: 0" style:color="red">
                "Go"
            </button>
        }
    });
    assert_eq!(
        html,
        r#"<button class="btn active" style="margin: 0;color:red;">Go</button>"#
    );
}

#[test]
fn events_properties_and_node_refs_write_nothing_on_the_server() {
    let input = NodeRef::<leptos::html::Input>::new();
    let html = render_to_string(move || {
        view! { <input node_ref=input prop:value="x" on:input=|_| ()/> }
    });
    assert_eq!(html, "<input>");
}

#[test]
fn children_of_every_kind() {
    let (count, _) = signal(7);
    let html = render_to_string(move || {
        let items = vec!["a", "b"];
        let maybe: Option<&str> = None;
        let branch = if count.get() > 5 {
            Either::Left(view! { <b>"big"</b> })
        } else {
            Either::Right("small")
        };
        view! {
            <ul>
                {items.into_iter().map(|i| view! { <li>{i}</li> }).collect::<Vec<_>>()}
            </ul>
            {maybe}
            {branch}
            <p>{count} " / " {move || count.get() * 2} " / " {3.5} {'c'}</p>
            <>
                <span>"fragment"</span>
            </>
        }
    });
    assert_eq!(
        visible(&html),
        "<ul><li>a</li><li>b</li></ul><b>big</b><p>7 / 14 / 3.5c</p><span>fragment</span>"
    );
}

/// A card with every kind of prop.
#[component]
fn Card(
    /// The title.
    title: String,
    /// Shown under the title.
    #[prop(optional)]
    subtitle: Option<String>,
    #[prop(into)] badge: String,
    #[prop(default = 3)] stars: u8,
    #[prop(optional, into)] note: Option<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <section>
            <h2>{title}</h2>
            {subtitle.map(|s| view! { <h3>{s}</h3> })}
            <em>{badge}</em>
            <span>{"*".repeat(stars as usize)}</span>
            {note}
            {children()}
        </section>
    }
}

#[test]
fn component_props_optional_into_default_and_children() {
    let html = render_to_string(|| {
        // A prop without a value takes the variable of the same name.
        let badge = String::from("b");
        view! {
            <Card title="One".to_string() badge="new" note="n">
                <p>"body"</p>
            </Card>
            <Card title="Two".to_string() subtitle="sub".to_string() badge stars=1>
                "text"
            </Card>
        }
    });
    assert_eq!(
        visible(&html),
        "<section><h2>One</h2><em>new</em><span>***</span>n<p>body</p></section>\
         <section><h2>Two</h2><h3>sub</h3><em>b</em><span>*</span>text</section>"
    );
}

#[component]
fn Repeat(times: usize, children: ChildrenFn) -> impl IntoView {
    (0..times).map(|_| children()).collect::<Vec<_>>()
}

#[component]
fn Wrap(children: ChildrenFragment) -> impl IntoView {
    children()
        .nodes
        .into_iter()
        .map(|child| view! { <div>{child}</div> })
        .collect::<Vec<_>>()
}

#[test]
fn children_fn_and_fragments() {
    let html = render_to_string(|| {
        view! {
            <Repeat times=3><i>"x"</i></Repeat>
            <Wrap><b>"w"</b></Wrap>
        }
    });
    assert_eq!(
        visible(&html),
        "<i>x</i><i>x</i><i>x</i><div><b>w</b></div>"
    );
}

/// The first branch whose condition holds.
#[slot]
struct Then {
    children: ChildrenFn,
}

/// A further condition and its branch.
#[slot]
struct ElseIf {
    #[prop(into)]
    cond: Signal<bool>,
    children: ChildrenFn,
}

#[slot]
struct Fallback {
    children: ChildrenFn,
}

/// A heading given as a slot with a prop of its own and a default.
#[slot]
struct Title {
    text: String,
    #[prop(default = 2)]
    level: u8,
}

#[component]
fn SlotIf(
    #[prop(into)] cond: Signal<bool>,
    then: Then,
    #[prop(optional)] else_if: Vec<ElseIf>,
    #[prop(optional)] fallback: Option<Fallback>,
) -> impl IntoView {
    move || {
        if cond.get() {
            (then.children)().into_view()
        } else if let Some(branch) = else_if.iter().find(|branch| branch.cond.get()) {
            (branch.children)().into_view()
        } else if let Some(fallback) = &fallback {
            (fallback.children)().into_view()
        } else {
            "none".into_view()
        }
    }
}

#[component]
fn Panel(
    heading: Title,
    #[prop(optional)] footer: Option<Title>,
    children: Children,
) -> impl IntoView {
    let line = |title: &Title| format!("h{}:{}", title.level, title.text);
    view! {
        <div>{line(&heading)}{children()}{footer.as_ref().map(line)}</div>
    }
}

#[test]
fn slots_fill_the_props_they_are_named_after() {
    let render = |a: bool, b: bool, c: bool| {
        visible(&render_to_string(move || {
            view! {
                <SlotIf cond=a>
                    <Then slot>"A"</Then>
                    <ElseIf slot cond=b>"B"</ElseIf>
                    <ElseIf slot cond=c><b>"C"</b></ElseIf>
                    <Fallback slot>"D"</Fallback>
                </SlotIf>
            }
        }))
    };
    assert_eq!(render(true, true, true), "A");
    assert_eq!(render(false, true, true), "B");
    assert_eq!(render(false, false, true), "<b>C</b>");
    assert_eq!(render(false, false, false), "D");

    // One slot for a `Vec` prop, none for an optional one.
    let html = render_to_string(|| {
        view! {
            <SlotIf cond=false>
                <Then slot>"A"</Then>
                <ElseIf slot cond=true>"only"</ElseIf>
            </SlotIf>
            <SlotIf cond=false><Then slot>"A"</Then></SlotIf>
        }
    });
    assert_eq!(visible(&html), "onlynone");

    // `slot:name` fills another prop than the slot's name; children beside slots are the
    // component's children, and a slot's props take defaults.
    let html = render_to_string(|| {
        let text = String::from("<bottom>");
        view! {
            <Panel>
                <Title slot:heading text="top".to_string() level=1/>
                <p>"body"</p>
                <Title slot:footer text/>
            </Panel>
        }
    });
    assert_eq!(
        visible(&html),
        "<div>h1:top<p>body</p>h2:&lt;bottom&gt;</div>"
    );
}

#[test]
fn show_renders_the_branch_that_holds() {
    let html = |on: bool| {
        render_to_string(move || {
            view! {
                <Show when=move || on fallback=|| view! { <i>"off"</i> }>
                    <b>"on"</b>
                </Show>
            }
        })
    };
    assert_eq!(visible(&html(true)), "<b>on</b>");
    assert_eq!(visible(&html(false)), "<i>off</i>");
}

#[test]
fn for_renders_rows_with_let_binding_or_children_prop() {
    let rows = vec![(1, "one"), (2, "two <2>")];
    let with_let = {
        let rows = rows.clone();
        render_to_string(move || {
            view! {
                <table>
                    <For each=move || rows.clone() key=|r| r.0 let:row>
                        <tr><td>{row.1}</td></tr>
                    </For>
                </table>
            }
        })
    };
    let with_children = render_to_string(move || {
        view! {
            <table>
                <For each=move || rows.clone() key=|r| r.0 children=|row| view! { <tr><td>{row.1}</td></tr> }/>
            </table>
        }
    });
    assert_eq!(
        visible(&with_let),
        "<table><tr><td>one</td></tr><tr><td>two &lt;2&gt;</td></tr></table>"
    );
    assert_eq!(with_let, with_children);
}

#[test]
fn svg_and_custom_elements() {
    let html = render_to_string(|| {
        view! {
            <svg viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" stroke-width="1"/></svg>
            <my-widget some-attr="x"></my-widget>
        }
    });
    assert_eq!(
        html,
        r#"<svg viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" stroke-width="1"></circle></svg><my-widget some-attr="x"></my-widget>"#
    );
}

#[test]
fn the_size_hint_covers_a_large_page() {
    let rows: Vec<usize> = (0..1000).collect();
    let view = view! {
        <ul>{rows.into_iter().map(|i| view! { <li class="row">"Row " {i}</li> }).collect::<Vec<_>>()}</ul>
    };
    let hint = view.html_len();
    let html = view.render_to_string();
    assert!(
        hint >= html.len() * 9 / 10,
        "hint {hint} vs {} bytes",
        html.len()
    );
}

#[test]
fn a_reactive_closure_is_bracketed_once() {
    let (count, _) = signal(3);
    let html = render_to_string(move || view! { <p>"n = " {move || count.get()}</p> });
    assert_eq!(html, "<p>n = <!--[-->3<!--]--></p>");
    // Any other expression gets the template's own brackets.
    let html = render_to_string(move || view! { <p>{count} "!"</p> });
    assert_eq!(html, "<p><!--[--><!--[-->3<!--]--><!--]-->!</p>");
}

#[test]
fn a_hole_alone_in_its_element_has_no_markers() {
    let (count, _) = signal(3);
    let (text, _) = signal(String::from("a < b"));
    let html = render_to_string(move || {
        view! {
            <p>{count}</p>
            <td>{7}</td>
            <b>{move || count.get() + 1}</b>
            <textarea>{text}</textarea>
            <i>{String::new()}</i>
            <ul><For each=|| [1, 2] key=|n| *n let:n><li>{n}</li></For></ul>
        }
    });
    assert_eq!(
        html,
        "<p>3</p><td>7</td><b>4</b><textarea>a &lt; b</textarea><i></i>\
         <ul><li>1</li><li>2</li></ul>"
    );
}

#[test]
fn either_of_three_renders_the_arm_it_holds() {
    fn arm(n: u8) -> EitherOf3<&'static str, u8, View> {
        match n {
            0 => EitherOf3::A("zero"),
            1 => EitherOf3::B(n),
            _ => EitherOf3::C(view! { <b>"many"</b> }.into_view()),
        }
    }
    let html = render_to_string(|| view! { <p>{arm(0)}</p><p>{arm(1)}</p><p>{arm(2)}</p> });
    assert_eq!(visible(&html), "<p>zero</p><p>1</p><p><b>many</b></p>");
}

#[test]
fn class_and_style_pairs_are_toggles_and_properties() {
    let html = render_to_string(|| {
        let on = RwSignal::new(true);
        let off = RwSignal::new(false);
        view! {
            <div class="btn" class=("active", move || on.get()) class=("hidden", off) style=("color", "red")></div>
        }
    });
    assert_eq!(
        visible(&html),
        r#"<div class="btn active" style="color:red;"></div>"#
    );
}

#[component]
fn Labelled(#[prop(into)] text: Signal<String>) -> impl IntoView {
    view! { <span>{text}</span> }
}

#[test]
fn a_signal_prop_takes_a_literal_a_signal_or_a_derived_signal() {
    let html = render_to_string(|| {
        let (name, _) = signal(String::from("from a signal"));
        view! {
            <Labelled text="literal"/>
            <Labelled text=name/>
            <Labelled text=Signal::derive(move || name.get().to_uppercase())/>
        }
    });
    assert_eq!(
        visible(&html),
        "<span>literal</span><span>from a signal</span><span>FROM A SIGNAL</span>"
    );
}

#[component]
fn Link(href: &'static str, children: Children) -> impl IntoView {
    view! { <a class="link" href=href>{children()}</a> }
}

#[test]
fn attributes_on_a_component_tag_go_to_its_first_element() {
    let html = render_to_string(|| {
        let on = RwSignal::new(true);
        view! {
            <Link href="/" attr:title="Home \"page\"" attr:class="nav big" class:active=move || on.get() class:off=false on:click=|_| ()>"Home"</Link>
        }
    });
    assert_eq!(
        visible(&html),
        r#"<a title="Home &quot;page&quot;" class="link nav big active" href="/">Home</a>"#
    );
}

#[test]
fn after_the_spread_marker_plain_attributes_go_to_the_first_element() {
    let html = render_to_string(|| {
        view! {
            <Link href="/about" {..} title="About" class="nav">"About"</Link>
        }
    });
    assert_eq!(
        visible(&html),
        r#"<a title="About" class="link nav" href="/about">About</a>"#
    );
}

#[test]
fn inner_html_writes_its_markup_as_it_is_and_the_attributes_escaped() {
    let html = render_to_string(|| {
        let markup = RwSignal::new(Some(String::from("<em>live</em>")));
        let none: Option<&'static str> = None;
        view! {
            <article title="a \"b\"" inner_html="<p>1 &lt; 2</p><br>"/>
            <div inner_html=move || markup.get()></div>
            <div inner_html=none></div>
        }
    });
    assert_eq!(
        html,
        r#"<article title="a &quot;b&quot;"><p>1 &lt; 2</p><br></article><div><em>live</em></div><div></div>"#
    );
}

/// Never runs on the server: `view!` compiles the call, the server skips it.
fn never_on_the_server(_element: leptos::web_sys::Element, _param: u32) {
    panic!("directives run in the browser only");
}

#[test]
fn directives_are_not_written_or_run_on_the_server() {
    let html = render_to_string(|| view! { <p use:never_on_the_server=3>"text"</p> });
    assert_eq!(html, "<p>text</p>");
}

#[test]
fn for_children_destructure_with_let_and_clone_variables_with_clone() {
    let html = render_to_string(|| {
        let pairs = vec![(1, "one"), (2, "two")];
        let suffix = String::from("!");
        view! {
            <ul>
                <For each=move || pairs.clone() key=|(n, _)| *n let((n, name))>
                    <li>{n}" "{name}</li>
                </For>
            </ul>
            <Link href="/" clone:suffix>{suffix.clone()}</Link>
            <p>{suffix}</p>
        }
    });
    assert_eq!(
        visible(&html),
        r#"<ul><li>1 one</li><li>2 two</li></ul><a class="link" href="/">!</a><p>!</p>"#
    );
}

#[component]
fn Badge(
    #[prop(into, optional)] class: MaybeProp<String>,
    #[prop(into, optional)] label: MaybeProp<String>,
    #[prop(into, optional)] count: MaybeProp<u32>,
) -> impl IntoView {
    view! { <span class=class title=label>{label}" "{count}</span> }
}

#[test]
fn an_optional_prop_is_absent_a_literal_an_option_or_a_signal() {
    let html = render_to_string(|| {
        let (label, _) = signal(String::from("<from a signal>"));
        let (count, _) = signal(Some(3u32));
        view! {
            <Badge/>
            <Badge class="wide" label=Some("opt") count=7u32/>
            <Badge label=label count=count/>
            <Badge label=MaybeProp::derive(move || label.with(|l| (l.len() > 99).then(String::new)))/>
        }
    });
    assert_eq!(
        visible(&html),
        concat!(
            "<span> </span>",
            r#"<span class="wide" title="opt">opt 7</span>"#,
            r#"<span title="&lt;from a signal&gt;">&lt;from a signal&gt; 3</span>"#,
            "<span> </span>",
        )
    );
}

#[test]
fn a_bound_textarea_is_written_with_its_signals_value_as_its_text() {
    let html = render_to_string(|| {
        let notes = RwSignal::new(String::from("line <1>\nline 2"));
        let (other, set_other) = signal(String::from("b"));
        view! {
            <textarea name="notes" bind:value=notes></textarea>
            <textarea>"fixed"</textarea>
            <textarea bind:value=(other, set_other)/>
        }
    });
    assert_eq!(
        visible(&html),
        "<textarea name=\"notes\">line &lt;1&gt;\nline 2</textarea>\
         <textarea>fixed</textarea><textarea>b</textarea>"
    );
}

/// What a view puts in the head (`leptos::head`, what `leptos_meta` is made of) goes into the
/// `<head>` of the documents the server writes around a view that is not a document.
#[test]
fn head_content_of_a_view_goes_into_the_head_of_the_document_around_it() {
    use leptos::head::{in_head, title};
    let app = || {
        view! {
            {title(Some("Menu & prices".into()), None)}
            {in_head(view! { <meta name="description" content="Today's menu"/> })}
            <p>"hi"</p>
        }
    };
    let head = r#"<!--leptos-head--><title>Menu &amp; prices</title><meta name="description" content="Today's menu"><!--/leptos-head-->"#;

    let page = leptos::ssr::render_document("Cafe", "/pkg", "cafe", app);
    assert!(page.contains(&format!("{head}</head><body>")), "{page}");
    assert!(
        page.contains("<p>hi</p>") && !page.contains("leptos-head--><p>"),
        "{page}"
    );

    let options = leptos::config::LeptosOptions::default();
    let page = leptos::ssr::page(render_to_string(app), &options);
    assert!(page.contains(&format!("{head}</head>")), "{page}");
    let body = &page[page.find("<body>").unwrap()..];
    assert!(!body.contains("leptos-head"), "{body}");
}

#[test]
fn a_string_in_a_style_or_script_is_written_as_its_value_and_bare_tokens_as_written() {
    let html = render_to_string(|| {
        view! {
            <style>"p > a { color: red; }"</style>
            <script>"let x = 1 < 2;"</script>
        }
    });
    assert_eq!(
        html,
        "<style>p > a { color: red; }</style><script>let x = 1 < 2;</script>"
    );
}
