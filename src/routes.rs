//! The addresses of the child's app, of a booklet being answered, of tablet set-up and of council
//! surveys on a tablet (the four apps of this package, `src/main.rs`, `src/bin/my-say-fill.rs`,
//! `src/bin/my-say-tablet.rs` and `src/bin/my-say-surveys.rs`), and which page each one shows.
//! Which app answers an address at all is `my_say_ui::apps::App::of_path`.

/// A page of the child's app, from its address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`: the home screen.
    Home,
    /// `/booklet`: starting a booklet, or carrying one on.
    BookletStart,
    /// Anything else (`/booklet/<draft id>` is the booklet's own app, [`FillRoute`]).
    NotFound,
}

impl Route {
    /// The page for a path such as `/booklet` (a trailing `/` is ignored).
    pub fn of(path: &str) -> Route {
        match parts(path).as_slice() {
            [] => Route::Home,
            ["booklet"] => Route::BookletStart,
            _ => Route::NotFound,
        }
    }
}

/// A page of the booklet's own app, from its address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FillRoute {
    /// `/booklet/<draft id>`: answering a booklet on this tablet.
    Fill(String),
    /// Anything else.
    NotFound,
}

impl FillRoute {
    /// The page for a path such as `/booklet/abc` (a trailing `/` is ignored).
    pub fn of(path: &str) -> FillRoute {
        match parts(path).as_slice() {
            ["booklet", id] => FillRoute::Fill((*id).into()),
            _ => FillRoute::NotFound,
        }
    }
}

/// A page of the tablet set-up app, from its address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TabletRoute {
    /// `/tablet`: who the tablet seals for, and sending the sealed answers.
    Setup,
    /// Anything else under `/tablet`.
    NotFound,
}

impl TabletRoute {
    /// The page for a path such as `/tablet/` (a trailing `/` is ignored).
    pub fn of(path: &str) -> TabletRoute {
        match parts(path).as_slice() {
            ["tablet"] => TabletRoute::Setup,
            _ => TabletRoute::NotFound,
        }
    }
}

/// A page of council surveys on a tablet, from its address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SurveyRoute {
    /// `/surveys`: the council's surveys on this tablet.
    Surveys,
    /// `/surveys/<survey id>`: starting one survey.
    Start(String),
    /// `/surveys/answer/<draft id>`: a child answering a survey.
    Answer(String),
    /// Anything else under `/surveys`.
    NotFound,
}

impl SurveyRoute {
    /// The page for a path such as `/surveys/survey-1` (a trailing `/` is ignored).
    pub fn of(path: &str) -> SurveyRoute {
        match parts(path).as_slice() {
            ["surveys"] => SurveyRoute::Surveys,
            ["surveys", "answer", id] => SurveyRoute::Answer((*id).into()),
            ["surveys", id] => SurveyRoute::Start((*id).into()),
            _ => SurveyRoute::NotFound,
        }
    }
}

/// Where a draft is answered: a survey's in the surveys app, a booklet's in the booklet's app.
pub fn fill_address(draft_id: &str, is_survey: bool) -> String {
    if is_survey {
        format!("/surveys/answer/{draft_id}")
    } else {
        format!("/booklet/{draft_id}")
    }
}

/// The path's non-empty parts: `/booklet/abc/` is `["booklet", "abc"]`.
fn parts(path: &str) -> Vec<&str> {
    path.split('/').filter(|p| !p.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::{fill_address, FillRoute, Route, SurveyRoute, TabletRoute};
    use my_say_ui::apps::App;

    #[test]
    fn every_address_has_its_page() {
        assert_eq!(Route::of("/"), Route::Home);
        assert_eq!(Route::of(""), Route::Home);
        assert_eq!(Route::of("/booklet"), Route::BookletStart);
        assert_eq!(Route::of("/booklet/"), Route::BookletStart);
        assert_eq!(FillRoute::of("/booklet/abc"), FillRoute::Fill("abc".into()));
        assert_eq!(
            FillRoute::of("/booklet/abc/"),
            FillRoute::Fill("abc".into())
        );
        assert_eq!(TabletRoute::of("/tablet"), TabletRoute::Setup);
        assert_eq!(TabletRoute::of("/tablet/"), TabletRoute::Setup);
        assert_eq!(SurveyRoute::of("/surveys"), SurveyRoute::Surveys);
        assert_eq!(SurveyRoute::of("/surveys/"), SurveyRoute::Surveys);
        assert_eq!(
            SurveyRoute::of("/surveys/s1/"),
            SurveyRoute::Start("s1".into())
        );
        assert_eq!(
            SurveyRoute::of("/surveys/answer/abc"),
            SurveyRoute::Answer("abc".into())
        );
    }

    #[test]
    fn anything_else_is_not_found() {
        for path in [
            "/no-such-page",
            "/booklet/a/b",
            "/booklet/abc",
            "/iro",
            "/tablets",
            "/tablet",
            "/surveys",
        ] {
            assert_eq!(Route::of(path), Route::NotFound, "{path}");
        }
        for path in ["/", "/booklet", "/booklet/a/b", "/surveys/answer/abc"] {
            assert_eq!(FillRoute::of(path), FillRoute::NotFound, "{path}");
        }
        for path in ["/tablet/x", "/", "/booklet"] {
            assert_eq!(TabletRoute::of(path), TabletRoute::NotFound, "{path}");
        }
        for path in ["/surveys/a/b", "/surveys/answer/a/b", "/booklet"] {
            assert_eq!(SurveyRoute::of(path), SurveyRoute::NotFound, "{path}");
        }
    }

    #[test]
    fn a_draft_is_answered_in_its_own_app() {
        let survey = fill_address("abc", true);
        assert_eq!(App::of_path(&survey), App::Surveys);
        assert_eq!(SurveyRoute::of(&survey), SurveyRoute::Answer("abc".into()));
        let booklet = fill_address("abc", false);
        assert_eq!(App::of_path(&booklet), App::Fill);
        assert_eq!(FillRoute::of(&booklet), FillRoute::Fill("abc".into()));
    }
}
