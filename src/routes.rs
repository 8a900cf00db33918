//! The child's app's addresses, and which page each one shows.

/// A page of the child's app, from its address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`: the home screen.
    Home,
    /// `/booklet`: starting a booklet, or carrying one on.
    BookletStart,
    /// `/booklet/<draft id>`: answering a booklet (or a survey) on this tablet.
    BookletFill(String),
    /// `/tablet`: tablet set-up and sending answers.
    Tablet,
    /// `/surveys`: the council's surveys on this tablet.
    Surveys,
    /// `/surveys/<survey id>`: starting one survey.
    SurveyStart(String),
    /// Anything else.
    NotFound,
}

impl Route {
    /// The page for a path such as `/booklet/abc` (a trailing `/` is ignored).
    pub fn of(path: &str) -> Route {
        let path = path.trim_end_matches('/');
        let mut parts = path.split('/').skip(1);
        match (parts.next(), parts.next(), parts.next()) {
            (None, _, _) => Route::Home,
            (Some("booklet"), None, _) => Route::BookletStart,
            (Some("booklet"), Some(id), None) if !id.is_empty() => Route::BookletFill(id.into()),
            (Some("tablet"), None, _) => Route::Tablet,
            (Some("surveys"), None, _) => Route::Surveys,
            (Some("surveys"), Some(id), None) if !id.is_empty() => Route::SurveyStart(id.into()),
            _ => Route::NotFound,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn every_address_has_its_page() {
        assert_eq!(Route::of("/"), Route::Home);
        assert_eq!(Route::of(""), Route::Home);
        assert_eq!(Route::of("/booklet"), Route::BookletStart);
        assert_eq!(Route::of("/booklet/"), Route::BookletStart);
        assert_eq!(Route::of("/booklet/abc"), Route::BookletFill("abc".into()));
        assert_eq!(Route::of("/tablet"), Route::Tablet);
        assert_eq!(Route::of("/surveys"), Route::Surveys);
        assert_eq!(Route::of("/surveys/s1/"), Route::SurveyStart("s1".into()));
    }

    #[test]
    fn anything_else_is_not_found() {
        for path in ["/no-such-page", "/booklet/a/b", "/iro", "/tablets"] {
            assert_eq!(Route::of(path), Route::NotFound, "{path}");
        }
    }
}
