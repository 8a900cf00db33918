//! One module per screen or area of the staff workspace.

pub mod council;
pub mod iro;

use crate::routes::Page;
use council::{SurveyBuilder, SurveyList, SurveyResultsPage, YouSaidPage};
use iro::{BookletSummary, DataCare, FollowUps, Reports, WorkspaceHome, WorkspaceSettings};
use leptos::prelude::*;

/// The screen of a workspace area's page, shown by the area once its workspace is unlocked.
pub fn area_page(page: Page) -> AnyView {
    match page {
        Page::Home => view! { <WorkspaceHome /> }.into_any(),
        Page::Booklet(id) => view! { <BookletSummary id /> }.into_any(),
        Page::FollowUps => view! { <FollowUps /> }.into_any(),
        Page::Reports => view! { <Reports /> }.into_any(),
        Page::Data => view! { <DataCare /> }.into_any(),
        Page::Settings => view! { <WorkspaceSettings /> }.into_any(),
        Page::Surveys => view! { <SurveyList /> }.into_any(),
        Page::Survey(id) => view! { <SurveyBuilder id /> }.into_any(),
        Page::SurveyResults(id) => view! { <SurveyResultsPage id /> }.into_any(),
        Page::YouSaid(id) => view! { <YouSaidPage id /> }.into_any(),
    }
}
