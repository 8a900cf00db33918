//! The staff workspace's addresses, and which page each one shows.
//!
//! The IRO's workspace (`/iro/...`) and the example workspace (`/demo/...`) have the same
//! pages, so an address is an [`Area`] and a [`Page`]; `/council` stands alone. The address
//! itself is `my_say_ui::browser::history`: the staff app has no router crate either.

use leptos::prelude::*;
use my_say_ui::browser::history::use_address;

/// Which workspace an address is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// `/iro/...`: the IRO's own workspace, kept on this device.
    Iro,
    /// `/demo/...`: the example workspace, over made-up data in memory.
    Demo,
}

/// A page of a workspace area, from the address after `/iro` or `/demo`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Page {
    /// `""`: the booklets.
    #[default]
    Home,
    /// `booklet/<id>`: one booklet's summary.
    Booklet(String),
    /// `follow-ups`.
    FollowUps,
    /// `reports`.
    Reports,
    /// `data`: exports and looking after the data.
    Data,
    /// `settings`.
    Settings,
    /// `surveys`: the council's surveys.
    Surveys,
    /// `surveys/<id>`: one survey in the builder.
    Survey(String),
    /// `surveys/<id>/results`.
    SurveyResults(String),
    /// `surveys/<id>/you-said`: "You said, we did".
    YouSaid(String),
}

/// A page of the staff workspace, from its address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StaffRoute {
    /// A page of the IRO's workspace or of the example workspace.
    Workspace(Area, Page),
    /// `/council`: the council's page.
    Council,
    /// Anything else.
    NotFound,
}

/// Which part of the app shows: an area's layout stays (and its workspace stays unlocked) while
/// only its page changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// A workspace area.
    Area(Area),
    /// The council's page.
    Council,
    /// The page that says nothing is here.
    NotFound,
}

impl StaffRoute {
    /// The page for a path such as `/iro/booklet/abc` (a trailing `/` is ignored).
    pub fn of(path: &str) -> StaffRoute {
        let mut parts = path.trim_end_matches('/').split('/').skip(1);
        let area = match parts.next() {
            Some("iro") => Area::Iro,
            Some("demo") => Area::Demo,
            Some("council") if parts.next().is_none() => return StaffRoute::Council,
            _ => return StaffRoute::NotFound,
        };
        let page = match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (None, ..) => Page::Home,
            (Some("follow-ups"), None, ..) => Page::FollowUps,
            (Some("reports"), None, ..) => Page::Reports,
            (Some("data"), None, ..) => Page::Data,
            (Some("settings"), None, ..) => Page::Settings,
            (Some("surveys"), None, ..) => Page::Surveys,
            (Some("booklet"), Some(id), None, _) if !id.is_empty() => Page::Booklet(id.into()),
            (Some("surveys"), Some(id), rest, None) if !id.is_empty() => match rest {
                None => Page::Survey(id.into()),
                Some("results") => Page::SurveyResults(id.into()),
                Some("you-said") => Page::YouSaid(id.into()),
                Some(_) => return StaffRoute::NotFound,
            },
            _ => return StaffRoute::NotFound,
        };
        StaffRoute::Workspace(area, page)
    }

    /// Which part of the app this address shows.
    pub fn part(&self) -> Part {
        match self {
            StaffRoute::Workspace(area, _) => Part::Area(*area),
            StaffRoute::Council => Part::Council,
            StaffRoute::NotFound => Part::NotFound,
        }
    }

    /// The workspace page, if this address is one.
    pub fn page(&self) -> Option<&Page> {
        match self {
            StaffRoute::Workspace(_, page) => Some(page),
            _ => None,
        }
    }
}

/// Whether a link to `href` is to the page at `path`, as `aria-current="page"` marks it: the
/// same page, or, when `nested`, also any page under it (the surveys link while a survey is open).
pub fn link_is_current(href: &str, path: &str, nested: bool) -> bool {
    let here = StaffRoute::of(path);
    let under = format!("{}/", href.trim_end_matches('/'));
    here != StaffRoute::NotFound
        && (here == StaffRoute::of(href) || nested && path.starts_with(&under))
}

/// `aria-current="page"` on a link to `href` while the address shows its page (see
/// [`link_is_current`]); the links of a navigation share this one closure.
pub fn aria_current(href: String, nested: bool) -> Signal<Option<&'static str>> {
    let address = use_address();
    Signal::derive(move || {
        address
            .with(|a| link_is_current(&href, &a.path, nested))
            .then_some("page")
    })
}

#[cfg(test)]
mod tests {
    use super::{link_is_current, Area, Page, Part, StaffRoute};

    fn iro(page: Page) -> StaffRoute {
        StaffRoute::Workspace(Area::Iro, page)
    }

    #[test]
    fn every_workspace_address_has_its_page_in_both_areas() {
        for (base, area) in [("/iro", Area::Iro), ("/demo", Area::Demo)] {
            let cases = [
                ("", Page::Home),
                ("/", Page::Home),
                ("/booklet/b1", Page::Booklet("b1".into())),
                ("/follow-ups", Page::FollowUps),
                ("/reports", Page::Reports),
                ("/data", Page::Data),
                ("/settings", Page::Settings),
                ("/surveys", Page::Surveys),
                ("/surveys/s1", Page::Survey("s1".into())),
                ("/surveys/s1/results", Page::SurveyResults("s1".into())),
                ("/surveys/s1/you-said", Page::YouSaid("s1".into())),
            ];
            for (rest, page) in cases {
                let path = format!("{base}{rest}");
                let want = StaffRoute::Workspace(area, page);
                assert_eq!(StaffRoute::of(&path), want, "{path}");
                // A trailing slash is the same address.
                assert_eq!(StaffRoute::of(&format!("{path}/")), want, "{path}/");
            }
        }
    }

    #[test]
    fn the_council_has_its_page() {
        assert_eq!(StaffRoute::of("/council"), StaffRoute::Council);
        assert_eq!(StaffRoute::of("/council/"), StaffRoute::Council);
    }

    #[test]
    fn anything_else_is_not_found() {
        for path in [
            "",
            "/",
            "/iros",
            "/demos/reports",
            "/iro/no-such-page",
            "/iro/booklet",
            "/iro/booklet/",
            "/iro/booklet//",
            "/iro/booklet/b1/more",
            "/iro/surveys/s1/other",
            "/iro/surveys/s1/results/more",
            "/iro/surveys//results",
            "/iro/reports/2024",
            "/iro//reports",
            "/council/more",
            "/booklet/b1",
            "/surveys",
            "/staff/index.html",
        ] {
            assert_eq!(StaffRoute::of(path), StaffRoute::NotFound, "{path}");
        }
    }

    #[test]
    fn the_part_and_page_of_an_address() {
        let summary = iro(Page::Booklet("b1".into()));
        assert_eq!(summary.part(), Part::Area(Area::Iro));
        assert_eq!(summary.page(), Some(&Page::Booklet("b1".into())));
        let demo = StaffRoute::of("/demo/reports");
        assert_eq!(demo.part(), Part::Area(Area::Demo));
        assert_eq!(demo.page(), Some(&Page::Reports));
        assert_eq!(StaffRoute::Council.part(), Part::Council);
        assert_eq!(StaffRoute::Council.page(), None);
        assert_eq!(StaffRoute::NotFound.part(), Part::NotFound);
        assert_eq!(StaffRoute::NotFound.page(), None);
    }

    #[test]
    fn a_link_is_current_on_its_own_page() {
        assert!(link_is_current("/iro", "/iro", false));
        assert!(link_is_current("/iro", "/iro/", false));
        assert!(link_is_current("/demo/reports", "/demo/reports/", false));
        assert!(!link_is_current("/iro", "/iro/reports", false));
        assert!(!link_is_current("/iro/reports", "/demo/reports", false));
        assert!(link_is_current("/iro/surveys/s1", "/iro/surveys/s1", false));
        assert!(!link_is_current(
            "/iro/surveys/s1",
            "/iro/surveys/s1/results",
            false
        ));
    }

    #[test]
    fn a_nested_link_is_current_below_its_page_too() {
        assert!(link_is_current("/iro/surveys", "/iro/surveys", true));
        assert!(link_is_current("/iro/surveys", "/iro/surveys/s1", true));
        assert!(link_is_current(
            "/iro/surveys",
            "/iro/surveys/s1/you-said",
            true
        ));
        assert!(!link_is_current("/iro/surveys", "/iro/surveys-old", true));
        assert!(!link_is_current("/iro/surveys", "/demo/surveys/s1", true));
        // Not for an address with no page.
        assert!(!link_is_current(
            "/iro/surveys",
            "/iro/surveys/s1/nothing",
            true
        ));
    }
}
