//! My Say's three apps and which addresses each one answers. The same rule is written in
//! JavaScript in tools/sw-template.js and tools/serve.mjs, for the service worker and the local
//! server; docs/design.md, "Three apps", explains the split.

/// One of My Say's apps. Moving from one to another is an ordinary page load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum App {
    /// The child's tablet app (`/`, `/booklet`, `/tablet`): the service worker keeps its files
    /// from the first visit.
    Child,
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
        let top = path.trim_start_matches('/').split('/').next().unwrap_or("");
        match top {
            "surveys" => App::Surveys,
            "iro" | "demo" | "council" => App::Staff,
            _ => App::Child,
        }
    }

    /// The message that asks the service worker to keep this app's files for offline use
    /// (tools/sw-template.js); the child's app is always kept.
    pub fn keep_message(self) -> Option<&'static str> {
        match self {
            App::Child => None,
            App::Surveys => Some("keep-surveys-app"),
            App::Staff => Some("keep-staff-app"),
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
            "/booklet/abc",
            "/tablet",
            "/no-such-page",
            "/surveysx",
        ] {
            assert_eq!(App::of_path(path), App::Child, "{path}");
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
        assert_eq!(App::Child.keep_message(), None);
        assert_ne!(App::Surveys.keep_message(), App::Staff.keep_message());
    }
}
