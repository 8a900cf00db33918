//! A list of tick boxes on the adult's start form, one per option of the booklet the child will
//! fill in: the people it offers ([`super::hide_people`]) and its optional topics
//! ([`super::topics`]) are both this one list.

use leptos::prelude::*;

/// A tick box for each of `options` (id, words). Ticking or unticking one adds or removes its
/// id in `chosen`; with `chosen_unticked`, an option is in `chosen` while it is unticked (so
/// every option starts ticked), else while it is ticked (so none does).
#[component]
pub fn TickBoxes(
    /// Starts each box's id, so the ids are unique on the page.
    prefix: &'static str,
    /// The options, as (id, words in the child's language).
    options: Vec<(String, String)>,
    /// The ids chosen so far.
    chosen: RwSignal<Vec<String>>,
    /// Whether an option is chosen by unticking it rather than by ticking it.
    chosen_unticked: bool,
) -> impl IntoView {
    options
        .into_iter()
        .map(|(id, words)| {
            let input_id = format!("{prefix}-{id}");
            let shown = id.clone();
            view! {
                <div class="option">
                    <input
                        type="checkbox"
                        id=input_id.clone()
                        prop:checked=move || chosen.with(|c| c.contains(&shown)) != chosen_unticked
                        on:change=move |ev| {
                            let choose = event_target_checked(&ev) != chosen_unticked;
                            chosen.update(|c| {
                                c.retain(|x| *x != id);
                                if choose {
                                    c.push(id.clone());
                                }
                            });
                        }
                    />
                    <label for=input_id><span>{words}</span></label>
                </div>
            }
        })
        .collect_view()
}
