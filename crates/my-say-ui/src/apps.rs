//! My Say's five apps and which addresses each one answers. The same rule is written in
//! JavaScript in tools/sw-template.js and tools/app-page.mjs, for the service worker and the
//! local servers; docs/design.md, "Code layout", explains the split.

/// One of My Say's apps. Moving from one to another is an ordinary page load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum App {
    /// The child's tablet app (`/`, `/booklet`): home and the adult's booklet start form. The
    /// service worker keeps its files, and the booklet's own app with them, from the first visit.
    Child,
    /// A booklet being answered (`/booklet/<draft id>`): the child's screens, from the booklet's
    /// start to the thank-you. Its own app, so that the child's first load, to the start form,
    /// carries none of them (docs/size.md); kept with the child's app, so every child's tablet
    /// has it offline once the child's app has opened.
    Fill,
    /// Tablet set-up and sending answers (`/tablet`): an adult's pages, their own small app so
    /// that a child's first load carries nothing of them. Kept once opened on the device, once
    /// the surveys app is (it links there), or once the child's app finds the tablet set up.
    Tablet,
    /// Council surveys on a tablet (`/surveys`): its own small app, so a child's first load
    /// carries nothing of the survey file reader. Kept once opened on the device.
    Surveys,
    /// The staff workspace (`/iro`, `/demo`, `/council`): kept only once opened, so a child's
    /// tablet never downloads it in the background.
    Staff,
}

impl App {
    /// The app that answers `path` (`/surveys/survey-1` is the surveys app's).
    pub fn of_path(path: &str) -> App {
        let mut parts = path.split('/').filter(|p| !p.is_empty());
        match parts.next().unwrap_or("") {
            // `/booklet/<draft id>`; `/booklet` is the start form, anything longer not found.
            "booklet" if parts.next().is_some() && parts.next().is_none() => App::Fill,
            "surveys" => App::Surveys,
            "tablet" => App::Tablet,
            "iro" | "demo" | "council" => App::Staff,
            _ => App::Child,
        }
    }

    /// The messages that ask the service worker to keep this app's files for offline use
    /// (tools/sw-template.js), and those of any app it links to that a device using it needs
    /// offline: council surveys link to the tablet's set-up, so they keep it too. The child's app
    /// and a booklet's, kept together, are always kept, and ask for nothing more on their own.
    pub fn keep_messages(self) -> &'static [&'static str] {
        const TABLET: &str = "keep-tablet-app";
        match self {
            App::Child | App::Fill => &[],
            App::Tablet => &[TABLET],
            App::Surveys => &["keep-surveys-app", TABLET],
            App::Staff => &["keep-staff-app"],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::App;

    #[test]
    fn every_address_belongs_to_one_app() {
        for path in [
            "/",
            "",
            "/booklet",
            "/booklet/",
            "/booklet/a/b",
            "/no-such-page",
            "/surveysx",
            "/tablets",
        ] {
            assert_eq!(App::of_path(path), App::Child, "{path}");
        }
        for path in ["/booklet/abc", "/booklet/abc/"] {
            assert_eq!(App::of_path(path), App::Fill, "{path}");
        }
        for path in ["/tablet", "/tablet/", "/tablet/x"] {
            assert_eq!(App::of_path(path), App::Tablet, "{path}");
        }
        for path in [
            "/surveys",
            "/surveys/",
            "/surveys/survey-1",
            "/surveys/answer/abc",
        ] {
            assert_eq!(App::of_path(path), App::Surveys, "{path}");
        }
        for path in ["/iro", "/iro/reports", "/demo/", "/council", "/council/x"] {
            assert_eq!(App::of_path(path), App::Staff, "{path}");
        }
    }

    #[test]
    fn each_app_but_the_childs_asks_to_be_kept_with_its_own_message() {
        assert!(App::Child.keep_messages().is_empty());
        assert!(App::Fill.keep_messages().is_empty());
        let own = [App::Tablet, App::Surveys, App::Staff].map(|app| app.keep_messages()[0]);
        assert!(own[0] != own[1] && own[1] != own[2] && own[0] != own[2]);
        // Surveys link to the tablet's set-up, which must open offline too.
        assert!(App::Surveys.keep_messages().contains(&own[0]));
        assert_eq!(App::Staff.keep_messages(), [own[2]]);
    }
}
