#!/usr/bin/env bash
# Changes one part of the gh-pages branch and pushes it, leaving the rest as it
# is, so the main site (the branch root) and every pull-request preview
# (pr-preview/pr-<number>/) live side by side on one GitHub Pages site:
#
#   gh-pages.sh site <dir>              the main site: replaces all but pr-preview/ (and CNAME)
#   gh-pages.sh preview <number> <dir>  replaces pr-preview/pr-<number>/ with <dir>
#   gh-pages.sh remove <number>         deletes pr-preview/pr-<number>/
#
# A CNAME file on the branch (a custom domain set in the Pages settings) is
# kept unless the site brings its own. The branch gets a .nojekyll file
# (GitHub Pages would otherwise run Jekyll, which drops Astro's _astro/
# folder). A push that loses a race with another job is retried on top of the
# new branch head, up to five times; nothing is ever force-pushed. Only files
# are copied: nothing from <dir> is executed, and a <dir> holding a symbolic
# link is refused.
#
# Environment: GITHUB_REPOSITORY and GH_TOKEN (a token that may push) on
# GitHub Actions; PAGES_REMOTE replaces the remote (the tests use a local bare
# repository), PAGES_BRANCH the branch (gh-pages), PAGES_RETRY_SECONDS the
# pause before a retry, times the attempt number (2).
set -euo pipefail

usage() {
  sed -n "2,9p" "$0" >&2
  exit 2
}

pr_number() {
  [[ "$1" =~ ^[1-9][0-9]{0,9}$ ]] || { echo "gh-pages.sh: not a pull-request number: '$1'" >&2; exit 2; }
  echo "$1"
}

source_dir() {
  local dir="$1"
  if [ ! -d "$dir" ] || [ ! -f "$dir/index.html" ]; then
    echo "gh-pages.sh: $dir is no built site (no index.html)" >&2
    exit 2
  fi
  if [ -n "$(find "$dir" -type l -print -quit)" ]; then
    echo "gh-pages.sh: $dir holds a symbolic link; refusing to publish it" >&2
    exit 2
  fi
  (cd "$dir" && pwd)
}

mode="${1:-}"
case "$mode" in
  site)
    [ $# -eq 2 ] || usage
    src="$(source_dir "$2")"
    [ ! -e "$src/pr-preview" ] || { echo "gh-pages.sh: the site must not have a pr-preview/ folder of its own" >&2; exit 2; }
    message="Deploy the site"
    ;;
  preview)
    [ $# -eq 3 ] || usage
    number="$(pr_number "$2")"
    src="$(source_dir "$3")"
    message="Preview of pull request #$number"
    ;;
  remove)
    [ $# -eq 2 ] || usage
    number="$(pr_number "$2")"
    message="Remove the preview of pull request #$number"
    ;;
  *) usage ;;
esac

branch="${PAGES_BRANCH:-gh-pages}"
remote="${PAGES_REMOTE:-https://github.com/${GITHUB_REPOSITORY:?GITHUB_REPOSITORY is not set}.git}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

git() { command git -C "$work" "$@"; }
git init -q
git remote add origin "$remote"
git config user.name "github-actions[bot]"
git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
if [ -n "${GH_TOKEN:-}" ]; then
  git config http.https://github.com/.extraheader \
    "AUTHORIZATION: basic $(printf 'x-access-token:%s' "$GH_TOKEN" | base64 | tr -d '\n')"
fi

apply() {
  case "$mode" in
    site)
      find "$work" -mindepth 1 -maxdepth 1 ! -name .git ! -name pr-preview ! -name CNAME -exec rm -rf {} +
      cp -R "$src/." "$work/"
      ;;
    preview)
      rm -rf "$work/pr-preview/pr-$number"
      mkdir -p "$work/pr-preview/pr-$number"
      cp -R "$src/." "$work/pr-preview/pr-$number/"
      ;;
    remove)
      rm -rf "$work/pr-preview/pr-$number"
      ;;
  esac
  touch "$work/.nojekyll"
}

for attempt in 1 2 3 4 5; do
  status=0
  git ls-remote --exit-code --heads origin "$branch" >/dev/null || status=$?
  if [ "$status" -eq 0 ]; then
    git fetch -q --depth 1 origin "$branch"
    git checkout -q -f -B "$branch" FETCH_HEAD
    git clean -q -f -d -x
  elif [ "$status" -eq 2 ]; then
    if [ "$mode" = remove ]; then echo "No $branch branch: nothing to remove."; exit 0; fi
    git checkout -q --orphan "$branch"
    git rm -q -r -f --ignore-unmatch . >/dev/null
  else
    echo "gh-pages.sh: cannot read $branch from the remote" >&2
    exit 1
  fi

  apply
  git add -A
  if git diff --cached --quiet; then
    echo "$branch is already up to date."
    exit 0
  fi
  git commit -q -m "$message"
  if git push -q origin "HEAD:refs/heads/$branch"; then
    echo "Pushed to $branch: $message"
    exit 0
  fi
  echo "Push rejected (attempt $attempt); retrying on the new $branch." >&2
  sleep $((attempt * ${PAGES_RETRY_SECONDS:-2}))
done
echo "gh-pages.sh: could not push to $branch after 5 attempts" >&2
exit 1
