// The SurveyJS peer for `npm run bench`: the built-in 10 to 15 booklet
// (crates/my-say-core/booklets/review-10-15.json, read at bench time so the peer follows the
// booklet) as a SurveyJS survey, and the page that shows it with the pinned SurveyJS 2.5.38 files
// from tools/bench/node_modules. bench.mjs serves the page from its own compressing server
// (compressed-server.mjs) and times it beside My Say with the same method.
//   node tools/bench/surveyjs-peer.mjs [booklet.json]   prints the survey JSON
//
// How each part of a booklet maps (English wording; docs/booklet-format.md):
//   - the booklet's title and intro -> the survey's title and description (shown above every
//     page; My Say shows the intro once, on the start screen);
//   - sections -> nothing of their own: My Say shows no section heading on a question screen,
//     and every question gets a page of its own ("one question per page"), in booklet order;
//   - a question's text (the 10-15 `text_by_band` wording where there is one) -> `title`, its
//     help -> `description`; its id -> `name`, so answers and conditions use the same values;
//   - every kind also offers "I'd rather not say" in My Say -> SurveyJS's "refuse" item
//     (`showRefuseItem`, `refuseText`) where the type has one (radiogroup, checkbox); ranking and
//     comment have none, so there it is not offered (noted per kind below);
//   - `yes_not_sure_no` -> radiogroup: Yes, Not sure, No (values yes, not_sure, no), + refuse;
//   - `faces` -> radiogroup: Very sad, Sad, OK, Happy, Very happy (values as My Say's, saddest
//     first), + refuse. My Say draws the faces; SurveyJS's nearest picture scale (`rating` with
//     `rateType: "smileys"`) has no "I'd rather not say", so the words are used;
//   - `pick_one` -> radiogroup with the options, + refuse;
//   - `pick_several` -> checkbox with the options, + refuse; `own_words: true` -> the "other"
//     item with a text box (`showOtherItem`, "Add your own");
//   - `people` -> checkbox with the options, + refuse, and always the "other" item ("Add someone
//     else": My Say always lets the child add someone by name);
//   - `pick_and_order` -> ranking with `selectToRankEnabled` (pick some, then order them: My Say's
//     "Your order, most important first"); SurveyJS's ranking has neither an "other" item nor a
//     refuse item, so `own_words` and "I'd rather not say" are not offered there;
//   - `own_words` -> comment with `maxLength` = `max_chars`; no "I'd rather not say" (a comment
//     has no items);
//   - `show_if` -> `visibleIf: "{question} anyof ['a', 'b']"` (a hidden question's page is
//     skipped, as My Say skips it); `rather_not_say` in `any_of` becomes SurveyJS's refuse value;
//   - `picture` (questions and options) -> not shown: the 10 to 15 booklet has none (the script
//     says so if one appears);
//   - `worry_if` -> nothing: My Say's "It's OK to tell" screen has no SurveyJS counterpart, and
//     the bench does not time the tap that leaves it;
//   - `measure`, `theme`, `kind: review|survey`, `locales` (only English is used) -> nothing: they
//     do not change what the child sees;
//   - every question may be skipped in both (no `isRequired`); My Say's review screen ("Here's
//     what you told us") -> `showPreviewBeforeComplete: "showAnsweredQuestions"`, so the last
//     page's "Preview" opens the answers list as My Say's last "Next" opens its review.
// Unknown kinds throw, so nothing is skipped silently.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..", "..");
export const BOOKLET = join(ROOT, "crates/my-say-core/booklets/review-10-15.json");
const BAND = "10-15";
const LOCALE = "en";
// My Say's English wording for the built-in values (crates/my-say-ui/locales/en.json, fill.*).
const WORDS = {
  yes: "Yes",
  not_sure: "Not sure",
  no: "No",
  very_sad: "Very sad",
  sad: "Sad",
  ok: "OK",
  happy: "Happy",
  very_happy: "Very happy",
  rather_not_say: "I'd rather not say",
  add_own: "Add your own",
  add_someone: "Add someone else",
  next: "Next",
  back: "Back",
};
const YES_NOT_SURE_NO = ["yes", "not_sure", "no"];
const FACES = ["very_sad", "sad", "ok", "happy", "very_happy"];
// SurveyJS's value for its refuse item (settings.specialChoicesOrder / refuseItem); My Say's
// value for "I'd rather not say" is mapped to it in conditions.
const REFUSE_VALUE = "refused";

const en = (text) => {
  if (!text) return undefined;
  return text[LOCALE] ?? Object.values(text)[0];
};
const builtIn = (values) => values.map((v) => ({ value: v, text: WORDS[v] }));
const options = (q) => {
  if (q.kind.options.some((o) => o.picture)) console.warn(`surveyjs-peer: ${q.id}: option pictures are not shown in SurveyJS`);
  return q.kind.options.map((o) => ({ value: o.id, text: en(o.label) }));
};
const refuse = { showRefuseItem: true, refuseText: WORDS.rather_not_say };

/** One booklet question as a SurveyJS question (see the mapping above). */
export function surveyQuestion(q) {
  if (q.picture) console.warn(`surveyjs-peer: ${q.id}: the question's picture is not shown in SurveyJS`);
  const base = {
    name: q.id,
    title: en(q.text_by_band?.[BAND] ?? q.text),
    ...(q.help ? { description: en(q.help) } : {}),
    ...(q.show_if
      ? { visibleIf: `{${q.show_if.question}} anyof [${q.show_if.any_of.map((v) => `'${v === "rather_not_say" ? REFUSE_VALUE : v}'`).join(", ")}]` }
      : {}),
  };
  const k = q.kind;
  switch (k.type) {
    case "yes_not_sure_no":
      return { type: "radiogroup", ...base, choices: builtIn(YES_NOT_SURE_NO), ...refuse };
    case "faces":
      return { type: "radiogroup", ...base, choices: builtIn(FACES), ...refuse };
    case "pick_one":
      return { type: "radiogroup", ...base, choices: options(q), ...refuse };
    case "pick_several":
      return { type: "checkbox", ...base, choices: options(q), ...refuse, ...(k.own_words ? { showOtherItem: true, otherText: WORDS.add_own } : {}) };
    case "people":
      return { type: "checkbox", ...base, choices: options(q), ...refuse, showOtherItem: true, otherText: WORDS.add_someone };
    case "pick_and_order":
      return { type: "ranking", ...base, choices: options(q), selectToRankEnabled: true };
    case "own_words":
      return { type: "comment", ...base, maxLength: k.max_chars };
    default:
      throw new Error(`surveyjs-peer: ${q.id}: answer kind "${k.type}" has no SurveyJS mapping yet`);
  }
}

/** A booklet (the parsed JSON) as a SurveyJS survey, one question per page. */
export function bookletToSurvey(booklet) {
  const pages = [];
  for (const section of booklet.sections) {
    for (const q of section.questions) pages.push({ name: `page_${q.id}`, elements: [surveyQuestion(q)] });
  }
  return {
    title: en(booklet.title),
    ...(booklet.intro ? { description: en(booklet.intro) } : {}),
    pages,
    showQuestionNumbers: "off",
    // "Question n of m" in My Say; with one question per page SurveyJS's page count is the same.
    showProgressBar: true,
    progressBarLocation: "top",
    progressBarType: "pages",
    showPrevButton: true,
    pageNextText: WORDS.next,
    pagePrevText: WORDS.back,
    showPreviewBeforeComplete: "showAnsweredQuestions",
    checkErrorsMode: "onComplete",
  };
}

/** The peer site's files: the page, SurveyJS 2.5.38 (pinned in package-lock.json), the survey. */
export function peerFiles(bookletPath = BOOKLET) {
  const booklet = JSON.parse(readFileSync(bookletPath, "utf8"));
  const survey = bookletToSurvey(booklet);
  const mod = (p) => readFileSync(join(HERE, "node_modules", p));
  const version = JSON.parse(readFileSync(join(HERE, "node_modules/survey-core/package.json"), "utf8")).version;
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${survey.title} (SurveyJS ${version} peer)</title>
    <link rel="stylesheet" href="/survey-core.min.css" />
    <script defer src="/survey.core.min.js"></script>
    <script defer src="/survey-js-ui.min.js"></script>
    <script defer src="/peer.js"></script>
  </head>
  <body>
    <div id="survey"></div>
  </body>
</html>
`;
  // The survey is in the page's own script, as a real form would ship it (no extra round trip).
  const script = `Survey.settings.animationEnabled = false;
const survey = new Survey.Model(${JSON.stringify(survey)});
window.__survey = survey;
SurveyUI.renderSurvey(survey, document.getElementById("survey"));
`;
  return {
    version,
    questions: survey.pages.length,
    survey,
    files: {
      "/index.html": html,
      "/peer.js": script,
      "/survey.core.min.js": mod("survey-core/survey.core.min.js"),
      "/survey-js-ui.min.js": mod("survey-js-ui/survey-js-ui.min.js"),
      "/survey-core.min.css": mod("survey-core/survey-core.min.css"),
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const booklet = JSON.parse(readFileSync(process.argv[2] || BOOKLET, "utf8"));
  console.log(JSON.stringify(bookletToSurvey(booklet), null, 2));
}
