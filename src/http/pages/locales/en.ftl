# The pages' messages, in English. Each id exists in all six files (a test checks).

## Plurals

# After the number of projects a search found.
projects-found = { $count ->
    [one] project found
   *[other] projects found
}

# After a number of projects.
projects = { $count ->
    [one] project
   *[other] projects
}

## Pages: navigation, search, project, forms, statistics

site-name = WSIS Stocktaking
skip-to-content = Skip to content
main-nav = Main
nav-search = Search
nav-covid = COVID-19 ICT Case Repository
nav-stats = Statistics
nav-submit = Submit a project
nav-secretariat = Secretariat
language = Language
search-heading = Search ICT for development projects
covid-heading = COVID-19 ICT Case Repository
covid-intro = Projects that use ICTs in response to the COVID-19 pandemic.
search-label = Search projects
search-button = Search
filters = Filters
skip-to-results = Skip to results
menu = Menu
suggestions = Suggestions
suggest-projects = Projects
suggest-organizations = Organizations
download = Download these results
download-without-words = Downloads hold every project that passes the filters; the search words are not applied.
beyond-last-page = This page is past the last page of results.
last-page = Go to the last page
go-to-filter = Go to the filter
without-quotes = No project has these words in this exact order. Search without the quotes
bad-value = this value was not understood and was left out.
bad-year-range = The end year is before the start year, so the years were left out.
bad-words = The search words could not be read (is a quote left open?), so they were left out.
apply-filters = Apply filters
clear-filters = Clear all filters
remove-filter = Remove filter
no-results = No project matches this search.
no-results-hint = Try fewer words, or drop one of these filters:
sort-label = Sort by
sort-relevance = Relevance
sort-newest = Newest first
sort-oldest = Oldest first
sort-title = Title
sort-confirmed = Last confirmed
confirmed-before = Confirmed before
confirmed-since = Confirmed since
previous = Previous
next = Next
page = Page
pagination = Pages of results
action-lines = WSIS Action Lines
sdgs = Sustainable Development Goals
regions = ITU regions
countries = Countries
more-countries = More countries
stakeholder-type = Stakeholder type
itu-entity = Part of ITU
itu-entity-hint = Only for a project of ITU itself (stakeholder type: international organization).
scope = Scope
status = Status
start-year = Start year
year-from = From
year-to = To
covid19 = COVID-19 response
covid-any = Any
yes = Yes
no = No
organization = Organization
description = Description
title = Title
website = Website
start-date = Start date
date-unknown = date unknown
end-date = End date
project-language = Language of the text
published-on = Published
related-projects = Related projects
suggest-tags-button = Suggest Action Lines and SDGs
suggested-tags = Suggested from your text
suggested-tags-hint = The suggested tags are ticked below if you had ticked none; check them before you submit.
filter-suggestion = Filter by
partial-match = No project has every word you typed; these have most of them.
reason-keywords = Words found
reason-similar = Similar published projects
reason-matrix = WSIS–SDG matrix
search-same = Find projects with the same tag
not-found = Page not found
not-found-text = There is no such page or project, or it is not published.
bad-request = This request cannot be answered
submit-heading = Submit a project
answering-call = You are answering the call
call-field = Call for submissions
submit-intro = Describe your ICT for development project. The WSIS secretariat reviews every submission before it is published.
submit-button = Submit for review
required = required
contact = Contact (seen by the secretariat only)
contact-hint = We use it only to ask about this submission.
contact-name = Name
contact-email = E-mail
choose = Choose…
countries-hint = Hold Ctrl (or Cmd) to choose several.
countries-filter = Find a country
countries-pick-hint = Type to narrow the list, then tick each country that applies.
countries-chosen = Chosen
countries-remove = Remove { $name }
countries-none-match = No country matches.
form-has-errors = Please correct the fields marked below.
submitted-heading = Thank you: your project was submitted
submitted-text = The secretariat will review it. Keep this private link: with it you can see your submission, read the secretariat's messages, revise it or withdraw it.
edit-link = Your private link
edit-link-hint = Anyone with this link can change your submission; do not share it.
your-submission = Your submission
state = State
version = Version
messages = Messages from the secretariat
no-messages = No message yet.
revise-heading = Revise your submission
revise-button = Save the revision
current-heading = Is it up to date?
current-hint = If your project is still described correctly, say so: the secretariat sees the date you confirmed it.
current-button = Confirm it is up to date
withdraw-heading = Withdraw your submission
withdraw-button = Withdraw
waiting-revision = Your revision waits for the secretariat; the published text stays until it is approved.
done = Saved.
public-page = See your project's public page
withdraw-hint = Withdrawing cannot be undone: the project stops being public and can no longer be revised.
withdraw-confirm = Yes, withdraw this project
withdraw-unconfirmed = Nothing was withdrawn: tick “Yes, withdraw this project” to confirm.
withdrawn-notice = This project was withdrawn and is no longer public.
changed-heading = Changed while you were editing
changed-intro = Someone saved a new version of this project after you opened this page. Your text was not saved yet: it is kept in the form below.
changed-apply = Saving the form again applies your text on top of the current version, replacing the values saved meanwhile that are shown here.
changed-none = No field changed meanwhile; only the state of the project did.
saved-meanwhile = Saved meanwhile
your-text = Your text
empty-value = (empty)
stats-heading = Statistics
stats-intro = Published projects counted by tag, following the filters below.
by-action-line-region = Action Lines by ITU region
total = Total
table = Table
footer = WSIS Stocktaking: ICT for development projects of all stakeholders.

## The secretariat's pages: sign-in, moderation desk, selection builder

desk-signed-in-as = Signed in as
desk-read-only = read-only
desk-moderation-queue = Moderation queue
desk-selections = Selections
desk-calls = Calls
desk-sign-out = Sign out
desk-queue-empty = Nothing waits for review.
desk-new-submission = New submission
desk-revision = Revision of a published project
desk-waiting-since = waiting since
desk-contact = Contact
desk-duplicates = Possible duplicates
desk-all-fields = All fields
desk-publish = Publish
desk-message-label = Message to the submitter
desk-request-changes = Request changes
desk-reason-label = Reason for rejecting
desk-reject = Reject
desk-key-label = Secretariat key
desk-key-hint = Made with: stocktaking keys create --name NAME
desk-sign-in = Sign in
desk-bad-key = This key is not valid.
desk-kind = Kind
desk-title = Title
desk-projects = Projects
desk-published = Published
desk-new-selection = New selection
desk-create = Create
desk-theme = Theme or summary
desk-date = Date (TalkX sessions)
desk-category = Prizes category (Prizes shortlists)
desk-year = Prizes year (Prizes shortlists)
desk-public-page = public page
desk-not-published = not published
desk-export = export
desk-gone = this project is no longer public
desk-note = Public note (shown on the selection's page)
desk-move-up = Move up
desk-move-down = Move down
desk-remove = Remove
desk-add-projects = Add projects
desk-search-published = Search published projects
desk-add = Add
desk-description = Description
desk-published-check = Published (the public can read it)
desk-save = Save
desk-unpublished = Unpublished
desk-changes-heading = Changes against the published text
desk-filter-legend = Filter the queue
desk-show = Show
desk-everything-waiting = Everything waiting
desk-revisions-waiting = Revisions waiting
desk-text-contains = Title or organization contains
desk-action-line = Action Line
desk-any = Any
desk-apply-filter = Filter
desk-nothing-matches = Nothing matches.
desk-unpublish = Unpublish
desk-unpublish-reason = Reason for unpublishing (the submitter sees it)
desk-unpublish-confirm = I confirm: take this project out of public view
desk-unpublish-hint = It goes back to its submitter for changes and leaves search at once.
desk-kind-name = { $kind ->
    [talkx] WSIS TalkX session
    [prizes_shortlist] WSIS Prizes shortlist
    [report] Stocktaking Report chapter
   *[collection] Collection
}

## The public selection pages

selections-selections = Selections
selections-intro = Projects chosen by the WSIS secretariat: WSIS TalkX sessions, WSIS Prizes shortlists and chapters of the Stocktaking Report.
selections-kind = Kind
selections-all-kinds = All kinds
selections-year = Year
selections-all-years = All years
selections-show = Show
selections-by-kind = Selections by kind
selections-shown = Selections shown:
selections-projects = Projects:
selections-none-yet = No selection has been published yet.
selections-none-match = No published selection matches this filter.
selections-all-selections = All selections
selections-in-selections = In selections
selections-gone = This project is no longer public.
selections-kind-names = { $kind ->
    [talkx] WSIS TalkX sessions
    [prizes_shortlist] WSIS Prizes shortlists
    [report] Stocktaking Report chapters
   *[collection] Collections
}

## Languages' names

language-name = { $code ->
    [ar] Arabic
    [zh] Chinese
   *[en] English
    [fr] French
    [ru] Russian
    [es] Spanish
}

## Errors in forms: after the field's label and a colon

error-required = this field is required
error-required-countries = choose at least one country, unless the scope is international
error-required-action-lines = choose at least one Action Line
error-required-sdgs = choose at least one SDG
error-too-short = write at least { $min } { $min ->
    [one] character
   *[other] characters
}; this has { $chars }
error-too-long = write at most { $max } { $max ->
    [one] character
   *[other] characters
}; this has { $chars }
error-invalid-date = write a date between 1900 and 2100 as year-month-day, such as 2024-03-31
error-invalid-date-range = the end date is before the start date
error-invalid-url = write a full web address that starts with https:// or http://
error-invalid-email = write an e-mail address such as name@example.org
error-duplicate-value = a value is chosen twice
error-control-character = remove the invisible control characters
error-line-break = write it on one line
error-unbalanced-bidi = remove the unmatched text direction marks
error-invalid-value-category = only Prizes shortlists and report chapters have a category
error-invalid-value-year = write a year between 2000 and 2100
error-call-closed = this call for submissions has closed; send the form again to submit your project without it
error-call-not-open = this call for submissions is not open yet; send the form again to submit your project without it
error-unknown-call = there is no such call for submissions; send the form again to submit your project without it
error-call-not-for-submissions = this call asks for updates of published projects, not for new ones; send the form again to submit your project without it
error-invalid-combination-itu-entity = only a project of ITU itself names a part of ITU: choose the stakeholder type “international organization”, or leave this empty
error-invalid = this value is not accepted

## The secretariat's selection builder

desk-already-added = Already in this selection
desk-save-notes = Save notes
desk-used-by = Used by
desk-kind-fields-hint = Each kind uses some of these fields; the others stay empty.
desk-order-hint = Drag a project by its handle to change the order, or use Move up and Move down.
desk-drag-handle = Drag to reorder
desk-order-saved = The new order is saved.
desk-order-not-saved = The new order could not be saved. Reload the page and try again.
desk-changed-meanwhile = The selection changed meanwhile, so nothing was saved. Here it is as it is now.
desk-category-only = Only projects tagged { $line } are listed: this selection takes no others.
desk-decision-changed-meanwhile = Changed meanwhile, so not decided (its author revised it, or someone else decided first)
desk-reject-confirm = I confirm rejecting this project
desk-reject-unconfirmed = Tick the box to confirm rejecting.
desk-unpublish-unconfirmed = Tick the box to confirm unpublishing.
desk-saved = Saved.
error-wrong-category = this selection only takes projects tagged with its category
error-not-published = only published projects can be added

## Error pages

page-error-bad-parameter = The value of “{ $name }” in the address cannot be used here. Go back, or start again from the search page.
page-error-unauthorized = Sign in to see this page.
page-error-forbidden = This form has expired or did not come from this site. Go back, reload the page and try again.
page-error-conflict = This changed meanwhile. Reload the page to see it as it is now, then try again.
page-error-retry = Too many requests at once. Try again in { $seconds } { $seconds ->
    [one] second
   *[other] seconds
}.
page-error-unavailable = Something went wrong on our side. Please try again later.
page-error-method = This address does not accept this kind of request.

## Accounts: sign-in by e-mail link, "My projects"

nav-account = My projects
account-heading = My projects
account-intro = Sign in with the e-mail address you gave as the contact of your projects. We send you a link that works once, for 15 minutes. There is no password.
account-email = E-mail address
account-send-link = Send me a sign-in link
account-sent-heading = Check your inbox
account-sent-text = If the address is valid, a sign-in link is on its way to it. It works once, for 15 minutes.
account-confirm-heading = Sign in
account-confirm-text = Sign in to see the projects of your e-mail address.
account-confirm-button = Sign in
account-link-refused = This sign-in link is unknown, used or expired. Ask for a new one below.
account-signed-in-as = Signed in as
account-sign-out = Sign out
account-none = No project has this address as its contact yet.
account-state = State
account-updated = Last change
account-open = Open, revise or withdraw
account-public-page = Public page
account-messages = Messages from the secretariat
account-bad-email = Enter an e-mail address, such as name@example.org.
account-signed-out = You are signed out.

## E-mail messages

mail-greeting = Hello,
mail-signature = The WSIS Stocktaking secretariat
mail-project-link = Your project
mail-my-projects = My projects
mail-private-link = Your private link (keep it)
mail-their-message = The secretariat's message:
mail-submitted-subject = We received your project "{ $title }"
mail-submitted-body = Thank you. The secretariat will review your project "{ $title }". Until it is published, only you can see it, through your private link below. You can also sign in with this address under "My projects".
mail-published-subject = "{ $title }" is published
mail-published-body = Your project "{ $title }" is now public in the WSIS Stocktaking database.
mail-changes-subject = Changes requested for "{ $title }"
mail-changes-body = The secretariat asks you to revise your project "{ $title }" before it can be published.
mail-rejected-subject = "{ $title }" was not accepted
mail-rejected-body = The secretariat did not accept your project "{ $title }".
mail-revision-published-subject = Your changes to "{ $title }" are published
mail-revision-published-body = The secretariat published your revision of "{ $title }".
mail-revision-rejected-subject = Your changes to "{ $title }" were not accepted
mail-revision-rejected-body = The secretariat did not accept your revision of "{ $title }"; the published version stays.
mail-unpublished-subject = "{ $title }" was taken out of public view
mail-unpublished-body = The secretariat took your project "{ $title }" out of public view. Revise it to have it published again.
mail-sign-in-subject = Your sign-in link for WSIS Stocktaking
mail-sign-in-body = Use this link within 15 minutes to sign in and see your projects. It works once. If you did not ask for it, ignore this message.
mail-sign-in-link = Sign in

## Calls for submissions

calls-heading = Calls for submissions
calls-open = Open calls
calls-past = Past calls
calls-none-open = No call is open now.
calls-none-past = No call has closed yet.
calls-opens = Opens
calls-closes = Deadline
calls-extended = Deadline moved
calls-submissions = Submissions
calls-kind-stocktaking = WSIS Stocktaking Report
calls-kind-covid19 = COVID-19 ICT Case Repository
calls-kind-prizes = WSIS Prizes
calls-kind-update = Update request
calls-answer = Submit a project for this call
mail-update-subject = Please review your project "{ $title }"
mail-update-body = The WSIS secretariat asks the submitters of published projects to check that their entries are still correct. Please open your project "{ $title }", and either confirm that it is up to date or revise it.
mail-update-reminder-subject = Reminder: please review your project "{ $title }"
mail-update-reminder-body = We have not heard from you yet. Please open your project "{ $title }", and either confirm that it is up to date or revise it.

## The secretariat's calls and update requests
updesk-calls = Calls
updesk-calls-intro = Each call's page shows its update requests: an update call asks the contacts of published projects to review their entries.
updesk-none = No call yet.
updesk-round = Update requests
updesk-requested = Asked
updesk-updated = Updated
updesk-confirmed = Confirmed unchanged
updesk-no-answer = No answer
updesk-project = Project
updesk-asked-on = Asked on
updesk-reminders = Reminders
updesk-answer = Answer
updesk-ask-heading = Ask for updates
updesk-ask-hint = The contacts of the published projects that pass these filters, and were neither confirmed nor changed since the date, are asked once in this call.
updesk-unconfirmed-since = Not confirmed since
updesk-ask-button = Send update requests
updesk-remind-button = Remind those who did not answer
updesk-sent = Messages queued:
updesk-closed = This call is closed: it sends no more requests or reminders.
updesk-not-update = This call asks for new submissions, not for updates.
updesk-is-open = open
updesk-is-closed = closed
submit-call-closed = The call “{ $title }” closed on { $date }. You can still submit your project: it will not answer that call.
submit-call-not-open = The call “{ $title }” opens on { $date }. You can submit your project now without it, or come back then.
