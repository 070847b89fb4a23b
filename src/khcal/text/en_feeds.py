"""The English words of the feeds: the calendar's texts, the published site's page and the page `khcal serve`
shows. Part of the English table (`khcal.text.en`), kept apart only for its length."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from khcal.text import Message

MESSAGES: dict[str, Message] = {
    # --- feeds: calendar texts ---------------------------------------------------------------------------
    "feed.name.days-off": "Cambodia: days off",
    "feed.name.all": "Cambodia: holidays and remembrance days",
    "feed.category.day-off": "day-off",
    "feed.name.categories": "{name} ({categories})",
    "feed.description": "Public holidays and remembrance days of Cambodia with its Buddhist festivals "
    "({years}). Made by khcal from its catalogue: each event names its sources. Where no list of days off is "
    "published yet the dates are projected from the rules.",
    "feed.day-off": "A day off in Cambodia in {year}.",
    "feed.day-off-private": "A day off in Cambodia in {year} for private-sector workers.",
    "feed.not-off": "Not a day off in Cambodia in {year}.",
    "feed.official": "Dates from the published list of days off.",
    "feed.projected": "Dates projected from the rules: the list of days off for {year} is not published yet.",
    "feed.user": "Dates from your own definitions file.",
    "feed.lunar": "Khmer lunar date: {date}.",
    "feed.sources": "Sources:",
    "feed.in-lieu": "Given in place of {name}, which fell on a weekend day.",
    "feed.days": "{n} days, {span}.",
    "feed.anniversary": lambda text: f"{text[:1].upper()}{text[1:]}.",
    "feed.status": "{day_off} {status}",
    # --- feeds: the published site's page ---------------------------------------------------------------
    # --- the page served at / by khcal serve --------------------------------------------------------------
    "page.title": "khcal: Cambodia's holidays for your calendar",
    "page.heading": "Cambodia's holidays and remembrance days for your calendar",
    "page.intro": (
        "Subscribe to a feed and your calendar app keeps it up to date. On an iPhone or a Mac, open a "
        "webcal:// link. In Google Calendar (Other calendars, From URL), Outlook or ICSx5 on Android, paste "
        "the https:// form: it works once this server is published behind HTTPS."
    ),
    "page.feed": "Feed",
    "page.webcal": "webcal:// (iOS, macOS)",
    "page.https": "https:// (Google Calendar, ICSx5, Outlook)",
    "page.file": "File",
    "page.download": "download",
    "page.everything": "Everything (English)",
    "page.days-off": "Days off only",
    "page.remembrance": "Remembrance days",
    "page.everything-km": "Everything in Khmer",
    "page.days-off-km": "Days off only, in Khmer",
    "page.options": (
        "Query options: lang=en|km, holidays=1, category=NAME (repeatable), from=YYYY, to=YYYY (default: "
        "this year and the next two; at most 30 years), alarm=-PT15H (a reminder at 09:00 the day before)."
    ),
    "page.site": "The published site, as khcal publish writes it: index.html",
    "site.google-link": "Add to Google Calendar (Android)",
    "site.other-lang": "The same calendars in Khmer",
    "site.years": "A year to print",
    "site.year": "{year}",
    "site.days": "The days, one page each",
    "site.data": "For programs",
    "site.data-intro": (
        "Each year's days as JSON, the objects of khcal list --json with the name in both languages; "
        "and the days off in the shape of Nager.Date's PublicHolidays API, for the programs that read it."
    ),
    "site.json": "{year}: every day (JSON)",
    "site.nager": "{year}: days off (Nager.Date)",
    "site.language": "English",
    "site.title": "Cambodia's holidays for your calendar",
    "site.heading": "Cambodia's holidays and remembrance days, in English",
    "site.intro": (
        "Subscribe once and your calendar keeps itself up to date: when a list of days "
        "off is published or a date moves, the events change on your phone too."
    ),
    "site.everything": ("Everything: public holidays, Buddhist and royal festivals, remembrance days."),
    "site.days-off": "Days off only: the public holidays of Cambodia, with days in lieu.",
    "site.remembrance": "Remembrance days: the days Cambodia and the world remember.",
    "site.buddhist": (
        "Buddhist festivals and holy days (sila days, the 8th and 15th of each lunar fortnight)."
    ),
    "site.subscribe": "Subscribe (iPhone, iPad, Mac)",
    "site.copy": "Link to copy",
    "site.scan": "Scan with a phone",
    "site.how": "How to subscribe",
    "site.google": (
        "Google Calendar: on a computer open calendar.google.com, Settings, Add calendar, "
        "From URL; paste the link to copy; Add calendar. It then appears on your Android "
        "phone too."
    ),
    "site.apple": (
        "Apple Calendar: on an iPhone, iPad or Mac tap the Subscribe link (or scan the "
        "code with the camera), then Subscribe. On a Mac you can also use File, New "
        "Calendar Subscription."
    ),
    "site.outlook": (
        "Outlook: on outlook.com open the calendar, Add calendar, Subscribe from web; "
        "paste the link to copy, give it a name, Import. In Outlook for Windows: Add "
        "calendar, From Internet."
    ),
    # --- the published site's year calendars and observance pages ------------------------------------------
    "site.pages.index": "Calendars and feeds",
    "site.pages.other-years": "Other years",
    "site.pages.year-calendars": "Year calendars",
    "site.calendar.title": "Cambodia calendar {year}: holidays, lunar dates and holy days",
    "site.calendar.heading": "Cambodia calendar {year}",
    "site.calendar.intro": (
        "Each day with its Khmer lunar date, the Buddhist holy days, the days off and the days Cambodia "
        "remembers. Weeks start on Sunday, as on Khmer wall calendars."
    ),
    "site.calendar.khmer-year": "From {date}: {text}",
    "site.calendar.khmer-year.why": "{date} ({why})",
    "site.calendar.be-change": "the day after Visak Bochea",
    "site.calendar.months": "Months",
    "site.calendar.khmer-years": "The Khmer year",
    "site.calendar.official": "The days off of {year} are those of the published official list.",
    "site.calendar.projected": (
        "The days off of {year} are projected from the rules: the official list is not published yet."
    ),
    "site.calendar.month": "{month} {year}",
    "site.calendar.lunar-month": "{name}",
    "site.calendar.lunar-day": "{day} {phase}",
    "site.calendar.month-list": "Holidays and observances of {month}",
    "site.calendar.nothing": "No holiday or observance this month.",
    "site.calendar.item": "{date}: {name}",
    "site.calendar.legend": "Legend",
    "site.calendar.legend.off": "Day off: a public holiday",
    "site.calendar.legend.lieu": "Day off in lieu of a public holiday that fell on a weekend",
    "site.calendar.legend.private": "Day off for private-sector workers only",
    "site.calendar.legend.holy": "{name}: {rule}",
    "site.calendar.legend.observance": "A holiday or remembrance day that is not a day off",
    "site.calendar.legend.weekend": "Saturday and Sunday",
    "site.calendar.legend.lunar": (
        "Under each date, its Khmer lunar day: waxing (the moon growing) or waning; the lunar month's name "
        "on the day it begins."
    ),
    "site.calendar.print": "Printing",
    "site.calendar.month-a-page": "A month a page",
    "site.calendar.one-sheet": "The whole year on one sheet",
    "site.calendar.print-note": "Both print on A4.",
    "site.observance.title": "{name}: Cambodia's holidays and remembrance days",
    "site.observance.dates": "Dates",
    "site.observance.year": "{year}",
    "site.observance.rule": "When it falls",
    "site.observance.lieu": "{date}: {name}",
}
