// Which app's page answers an address that is not a file: /booklet/<draft id> a booklet's
// (fill/index.html); /tablet... tablet set-up's
// (tablet/index.html); /surveys... council surveys on a tablet's (surveys/index.html); /iro...,
// /demo... and /council... the staff workspace's (staff/index.html); every other the child's
// app's (index.html). The same rule as
// tools/sw-template.js and my_say_ui::apps::App; the README asks it of any host.
export const appPage = (path) =>
  /^\/booklet\/[^/]+\/?$/.test(path)
    ? "fill/index.html"
    : /^\/tablet(\/|$)/.test(path)
      ? "tablet/index.html"
      : /^\/surveys(\/|$)/.test(path)
        ? "surveys/index.html"
        : /^\/(iro|demo|council)(\/|$)/.test(path)
          ? "staff/index.html"
          : "index.html";
