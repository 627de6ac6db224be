//! Code written for Leptos 0.8 names items by paths outside the prelude: `leptos::either`,
//! `leptos::ev::MouseEvent`, `leptos::context::Provider`, `leptos::server::Resource`,
//! `leptos::reactive::signal::RwSignal`, ... This file imports them as such code does (it
//! compiles only if every path exists) and checks what they do on the server.

use leptos::context::{provide_context, use_context, Provider};
use leptos::control_flow::{AnimatedShow, For, Show};
use leptos::either::{either, Either, EitherOf3};
use leptos::ev::{KeyboardEvent, MouseEvent, SubmitEvent};
use leptos::oco::Oco;
use leptos::prelude::*;
use leptos::prelude::{
    is_server, set_interval_with_handle, set_timeout_with_handle, TimeoutHandle,
};
use leptos::reactive::actions::{Action, MultiAction};
use leptos::reactive::computed::{ArcMemo, Memo, Selector};
use leptos::reactive::effect::{Effect, RenderEffect};
use leptos::reactive::owner::{LocalStorage, Owner, StoredValue, SyncStorage};
use leptos::reactive::signal::{
    arc_signal, signal, signal_local, ArcRwSignal, ArcTrigger, RwSignal, Trigger,
};
use leptos::reactive::wrappers::read::{ArcSignal, MaybeProp, Signal};
use leptos::reactive::wrappers::write::SignalSetter;
use leptos::server::{ArcResource, LocalResource, OnceResource, Resource, ServerAction};
use leptos::ssr::render_to_string;

/// Removes the comment markers around dynamic parts, to compare visible HTML.
fn visible(html: &str) -> String {
    html.replace("<!--[-->", "")
        .replace("<!--]-->", "")
        .replace("<!---->", "")
}

#[component]
fn Handlers() -> impl IntoView {
    // Handlers typed with the event types `leptos::ev` re-exports.
    let (count, set_count) = signal(0);
    view! {
        <form on:submit=move |ev: SubmitEvent| ev.prevent_default()>
            <input on:keydown=move |ev: KeyboardEvent| {
                if ev.key() == "Enter" {
                    set_count.set(1)
                }
            }/>
            <button on:click=move |_: MouseEvent| set_count.update(|n| *n += 1)>{count}</button>
        </form>
    }
}

#[test]
fn either_and_its_macro_pick_the_branch_and_to_html_gives_a_string() {
    let pick = |n: u8| -> Either<View, &'static str> {
        if n == 0 {
            Either::Left(view! { <b>"zero"</b> }.into_view())
        } else {
            Either::Right("some")
        }
    };
    assert_eq!(pick(0).to_html(), "<b>zero</b>");
    assert_eq!(pick(1).to_html(), "some");

    let three = |n: u8| {
        either!(n,
            0 => view! { <i>"none"</i> },
            1 => "one",
            _ => n,
        )
    };
    let _: EitherOf3<_, _, _> = three(0);
    assert_eq!(three(0).to_html(), "<i>none</i>");
    assert_eq!(three(1).to_html(), "one");
    assert_eq!(three(9).to_html(), "9");

    let owner = Owner::new();
    let html = owner.with(|| view! { <Handlers/> }.to_html());
    assert_eq!(
        visible(&html),
        "<form><input><button>0</button></form>",
        "{html}"
    );
}

#[test]
fn a_selector_answers_per_key_on_the_server() {
    let html = render_to_string(|| {
        let selected = RwSignal::new(Some(2));
        let is_selected = Selector::new(move || selected.get());
        view! {
            <ul>
                {(1..=3)
                    .map(|id| {
                        let is_selected = is_selected.clone();
                        view! { <li class:danger=move || is_selected.selected(&Some(id))>{id}</li> }
                    })
                    .collect_view()}
            </ul>
        }
    });
    assert_eq!(
        visible(&html),
        "<ul><li>1</li><li class=\"danger\">2</li><li>3</li></ul>"
    );
}

#[test]
fn provider_scopes_context_and_the_reactive_paths_name_the_prelude_types() {
    #[derive(Clone)]
    struct Lang(&'static str);

    #[component]
    fn Greeting() -> impl IntoView {
        match use_context::<Lang>().map(|lang| lang.0) {
            Some("fr") => "bonjour",
            Some(_) => "hello",
            None => "?",
        }
    }

    let html = render_to_string(|| {
        provide_context(Lang("en"));
        view! {
            <p><Provider value=Lang("fr")><Greeting/></Provider></p>
            <p><Greeting/></p>
        }
    });
    assert_eq!(visible(&html), "<p>bonjour</p><p>hello</p>");

    // The same types as the prelude's, under Leptos's module paths.
    let owner = Owner::new();
    owner.with(|| {
        let rw: RwSignal<i32> = leptos::prelude::RwSignal::new(1);
        let arc: ArcRwSignal<i32> = ArcRwSignal::new(2);
        let (arc_read, _) = arc_signal(3);
        let memo: Memo<i32> = Memo::new(move |_| rw.get() * 10);
        let arc_memo = ArcMemo::new(move |_| arc.get() + 1);
        let stored = StoredValue::new("kept");
        let derived: Signal<i32> = Signal::derive(move || memo.get() + 1);
        let maybe: MaybeProp<i32> = Some(4).into();
        let _ = (Trigger::new(), ArcTrigger::new());
        let _effect = RenderEffect::new(move |_| ());
        let _ = Effect::new(move |_| ());
        let _ = (
            Action::new(|n: &i32| std::future::ready(*n)),
            MultiAction::new(|n: &i32| std::future::ready(*n)),
        );
        assert_eq!(
            (
                memo.get(),
                arc_memo.get(),
                arc_read.get(),
                derived.get(),
                maybe.get()
            ),
            (10, 3, 3, 11, Some(4))
        );
        assert_eq!(stored.get_value(), "kept");
    });
    // Only named, to show that the paths exist.
    let _ = (
        std::any::type_name::<Resource<u8>>(),
        std::any::type_name::<ArcResource<u8>>(),
        std::any::type_name::<LocalResource<u8>>(),
        std::any::type_name::<OnceResource<u8>>(),
        std::any::type_name::<ServerAction<NoServerFnHere>>(),
    );
}

/// A server function type, only for naming `ServerAction` above.
#[server]
async fn no_server_fn_here() -> Result<(), ServerFnError> {
    Ok(())
}

#[tokio::test]
async fn a_blocking_resource_is_in_the_page_the_server_sends() {
    let html = leptos::ssr::render_to_string_async(|| {
        let title = Resource::new_blocking(
            || (),
            |_| async {
                tokio::time::sleep(std::time::Duration::from_millis(5)).await;
                "Loaded title".to_string()
            },
        );
        view! {
            <Suspense fallback=|| "waiting">
                <h1>{move || title.get()}</h1>
            </Suspense>
        }
    })
    .await;
    assert!(html.contains("<h1>Loaded title</h1>"), "{html}");
    assert!(!html.contains("waiting"), "{html}");

    // An action whose future is not `Send` (Leptos's `new_unsync`), run to its end.
    let local = tokio::task::LocalSet::new();
    let value = local
        .run_until(async {
            let owner = Owner::new();
            let action = owner.with(|| {
                Action::new_unsync(|n: &u32| {
                    let n = std::rc::Rc::new(*n);
                    async move { *n * 2 }
                })
            });
            action.dispatch(21);
            while action.pending().get_untracked() {
                tokio::task::yield_now().await;
            }
            action.value().get_untracked()
        })
        .await;
    assert_eq!(value, Some(42));
}

/// What a browser-only part of an app keeps in a local signal: here an `Rc`, which is not
/// `Send`.
#[derive(Clone)]
struct Theme(std::rc::Rc<str>);

#[component]
fn Badge(
    /// A local signal passed on as a prop, its storage named as Leptos code names it.
    theme: ReadSignal<Theme, LocalStorage>,
    #[prop(into)] label: Signal<String, LocalStorage>,
) -> impl IntoView {
    let class = move || theme.with(|t| t.0.to_string());
    view! { <span class=class title=label>{label}</span> }
}

#[test]
fn local_signals_hold_values_that_are_not_send_and_render_like_any_signal() {
    let owner = Owner::new();
    owner.with(|| {
        let (theme, set_theme) = signal_local(Theme("dark".into()));
        // Any value may be local, `Send` or not.
        let shout = RwSignal::new_local(String::from("hi"));
        let label = Signal::derive_local(move || format!("{}!", shout.with(|s| s.to_uppercase())));
        let cache: StoredValue<std::rc::Rc<Vec<u8>>, LocalStorage> =
            StoredValue::new_local(std::rc::Rc::new(vec![1, 2]));
        let plain: RwSignal<u8, SyncStorage> = RwSignal::new(cache.with_value(|c| c.len() as u8));

        let page = move || view! { <Badge theme=theme label=label/><b>{plain}</b><i>{shout}</i> };
        assert_eq!(
            visible(&page().to_html()),
            r#"<span class="dark" title="HI!">HI!</span><b>2</b><i>hi</i>"#
        );
        set_theme.set(Theme("light".into()));
        shout.set(String::from("<yo>"));
        assert_eq!(
            visible(&page().to_html()),
            r#"<span class="light" title="&lt;YO&gt;!">&lt;YO&gt;!</span><b>2</b><i>&lt;yo&gt;</i>"#
        );
    });
    owner.dispose();
}

#[component]
fn Field(
    #[prop(into)] label: TextProp,
    #[prop(into, optional)] placeholder: TextProp,
    #[prop(into)] on_input: SignalSetter<String>,
    #[prop(into, optional)] on_clear: SignalSetter<()>,
) -> impl IntoView {
    // What a click or a keystroke would do in the browser.
    on_input.set(format!("typed into {}", label.get()));
    on_clear.set(());
    view! { <label>{label}<input placeholder=placeholder/></label> }
}

#[test]
fn text_props_setters_and_oco_take_what_leptos_code_passes() {
    let owner = Owner::new();
    owner.with(|| {
        let (typed, set_typed) = signal(String::new());
        let (name, set_name) = signal(String::from("Name"));
        let log = RwSignal::new(Vec::<String>::new());
        let oco: Oco<'static, str> = Oco::from(String::from("Owned <b>"));
        let html = view! {
            <Field label="Fixed" on_input=set_typed/>
            <Field label=name placeholder=oco.clone() on_input=SignalSetter::map(move |s| log.update(|l| l.push(s)))/>
            <Field label=move || format!("{}!", name.get()) on_input=log_setter(log)/>
        }
        .to_html();
        assert_eq!(
            visible(&html),
            concat!(
                r#"<label>Fixed<input placeholder=""></label>"#,
                r#"<label>Name<input placeholder="Owned &lt;b&gt;"></label>"#,
                r#"<label>Name!<input placeholder=""></label>"#,
            )
        );
        assert_eq!(typed.get_untracked(), "typed into Fixed");
        assert_eq!(log.get_untracked(), ["typed into Name", "typed into Name!"]);
        // A `TextProp` made from a signal follows it.
        let label = TextProp::from(name);
        set_name.set(String::from("Other"));
        assert_eq!(label.get(), "Other");
        assert_eq!(oco.to_html(), "Owned &lt;b&gt;");
        // An `ArcSignal` renders and converts like the other handles.
        let shared = ArcSignal::derive(move || name.get().len());
        let label = TextProp::from(ArcSignal::derive(move || name.get()));
        assert_eq!(view! { <p title=label>{shared}</p> }.to_html(), r#"<p title="Other">5</p>"#);
    });
    owner.dispose();
}

fn log_setter(log: RwSignal<Vec<String>>) -> SignalSetter<String> {
    SignalSetter::map(move |s| log.update(|l| l.push(s)))
}

#[tokio::test]
async fn tick_lets_spawned_work_run() {
    let owner = Owner::new();
    let done = owner.with(|| RwSignal::new(0));
    for n in 1..=3 {
        leptos::task::spawn(async move { done.set(n) });
    }
    assert_eq!(done.get_untracked(), 0, "spawned, not yet run");
    leptos::task::tick().await;
    assert_eq!(
        done.get_untracked(),
        3,
        "every task spawned before the tick ran"
    );
    owner.dispose();
}

#[test]
fn control_flow_and_the_timer_helpers_have_leptos_paths_and_do_nothing_on_the_server() {
    let html = render_to_string(|| {
        view! {
            <Show when=|| true><b>"shown"</b></Show>
            <For each=|| [1, 2] key=|n| *n let:n><i>{n}</i></For>
            <AnimatedShow when=Signal::from(true) hide_delay=std::time::Duration::from_millis(5)>
                <u>"animated"</u>
            </AnimatedShow>
        }
    });
    let html = visible(&html);
    assert!(html.contains("<b>shown</b>"), "{html}");
    assert!(html.contains("<i>1</i><i>2</i>"), "{html}");
    assert!(html.contains("<u>animated</u>"), "{html}");

    assert!(is_server());
    let fired = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = fired.clone();
    let timer: TimeoutHandle = set_timeout_with_handle(
        move || flag.store(true, std::sync::atomic::Ordering::SeqCst),
        std::time::Duration::ZERO,
    )
    .expect("the server's timers never fail");
    timer.clear();
    set_interval_with_handle(
        || panic!("no interval runs on the server"),
        std::time::Duration::ZERO,
    )
    .unwrap()
    .clear();
    assert!(!fired.load(std::sync::atomic::Ordering::SeqCst));
}
