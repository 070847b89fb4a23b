"""The Khmer words of the feeds: the calendar's texts, the published site's page and the page `khcal serve`
shows. Part of the Khmer table (`khcal.text.km`), kept apart only for its length."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from khcal.text import Message

MESSAGES: dict[str, Message] = {
    # --- feeds: calendar texts ---------------------------------------------------------------------------
    "feed.name.days-off": "ថ្ងៃឈប់សម្រាកនៅកម្ពុជា",
    "feed.name.all": "ថ្ងៃបុណ្យ និងទិវារំលឹកនៅកម្ពុជា",
    "feed.category.day-off": "ថ្ងៃឈប់សម្រាក",
    "feed.name.categories": "{name} ({categories})",
    "feed.description": "ថ្ងៃឈប់សម្រាក ពិធីបុណ្យព្រះពុទ្ធសាសនា និងទិវារំលឹកនៅកម្ពុជា ({years})។ "
    "បង្កើតដោយ khcal ពីកាតាឡុករបស់វា ដោយមានប្រភពនៃកាលបរិច្ឆេទនីមួយៗ។",
    "feed.day-off": "ជាថ្ងៃឈប់សម្រាកនៅកម្ពុជា ក្នុងឆ្នាំ{year}។",
    "feed.day-off-private": "ជាថ្ងៃឈប់សម្រាកសម្រាប់កម្មករនិយោជិតវិស័យឯកជន ក្នុងឆ្នាំ{year}។",
    "feed.not-off": "មិនមែនជាថ្ងៃឈប់សម្រាកនៅកម្ពុជា ក្នុងឆ្នាំ{year}ទេ។",
    "feed.official": "កាលបរិច្ឆេទតាមបញ្ជីថ្ងៃឈប់សម្រាកផ្លូវការ។",
    "feed.projected": "កាលបរិច្ឆេទគណនាតាមក្បួន ព្រោះបញ្ជីថ្ងៃឈប់សម្រាកឆ្នាំ{year} មិនទាន់ចេញផ្សាយនៅឡើយ។",
    "feed.user": "កាលបរិច្ឆេទតាមឯកសារនិយមន័យផ្ទាល់ខ្លួនរបស់អ្នក។",
    "feed.lunar": "ថ្ងៃខែតាមចន្ទគតិ៖ {date}។",
    "feed.sources": "ប្រភព៖",
    "feed.in-lieu": "សងជំនួស{name} ដែលត្រូវនឹងថ្ងៃចុងសប្តាហ៍។",
    "feed.days": "{n} ថ្ងៃ៖ {span}។",
    "feed.anniversary": lambda text: text,
    "feed.status": "{day_off} {status}",
    # --- feeds: the published site's page ---------------------------------------------------------------
    # --- the page served at / by khcal serve --------------------------------------------------------------
    "page.title": "khcal៖ ថ្ងៃឈប់សម្រាកនៅកម្ពុជា សម្រាប់ប្រតិទិនរបស់អ្នក",
    "page.heading": "ថ្ងៃឈប់សម្រាក និងទិវារំលឹកនៅកម្ពុជា សម្រាប់ប្រតិទិនរបស់អ្នក",
    "page.intro": (
        "ជាវប្រតិទិនមួយ ហើយកម្មវិធីប្រតិទិនរបស់អ្នកនឹងធ្វើបច្ចុប្បន្នភាពវាដោយខ្លួនឯង។ នៅលើ iPhone ឬ Mac "
        "បើកតំណ webcal://។ នៅក្នុង Google Calendar (Other calendars, From URL), Outlook ឬ ICSx5 លើ Android "
        "បិទភ្ជាប់តំណ https://៖ វាដំណើរការនៅពេលម៉ាស៊ីនមេនេះត្រូវបានផ្សាយតាម HTTPS។"
    ),
    "page.feed": "ប្រតិទិន",
    "page.webcal": "webcal:// (សម្រាប់ iOS, macOS)",
    "page.https": "https:// (សម្រាប់ Google Calendar, ICSx5, Outlook)",
    "page.file": "ឯកសារ",
    "page.download": "ទាញយក",
    "page.everything": "ទាំងអស់ (ភាសាអង់គ្លេស)",
    "page.days-off": "តែថ្ងៃឈប់សម្រាក",
    "page.remembrance": "ទិវារំលឹក",
    "page.everything-km": "ទាំងអស់ ជាភាសាខ្មែរ",
    "page.days-off-km": "តែថ្ងៃឈប់សម្រាក ជាភាសាខ្មែរ",
    "page.options": (
        "ជម្រើសនៃសំណួរ៖ lang=en|km, holidays=1, category=NAME (អាចដាក់ច្រើនដង), from=YYYY, to=YYYY "
        "(លំនាំដើម៖ ឆ្នាំនេះ និងពីរឆ្នាំបន្ទាប់ ច្រើនបំផុត ៣០ឆ្នាំ), alarm=-PT15H (ការរំលឹកនៅម៉ោង ០៩:០០ "
        "ថ្ងៃមុន)។"
    ),
    "page.site": "គេហទំព័រដែល khcal publish បង្កើត៖ index.html",
    "site.google-link": "បន្ថែមទៅ Google Calendar (Android)",
    "site.other-lang": "ប្រតិទិនដដែល ជាភាសាអង់គ្លេស",
    "site.years": "ប្រតិទិនប្រចាំឆ្នាំសម្រាប់បោះពុម្ព",
    "site.year": "ឆ្នាំ{year}",
    "site.days": "ថ្ងៃនីមួយៗ មួយទំព័រ",
    "site.data": "សម្រាប់កម្មវិធីកុំព្យូទ័រ",
    "site.data-intro": (
        "ថ្ងៃទាំងអស់នៃឆ្នាំនីមួយៗជា JSON តាមទម្រង់របស់ khcal list --json ដោយមានឈ្មោះជាពីរភាសា "
        "និងថ្ងៃឈប់សម្រាកតាមទម្រង់ PublicHolidays API របស់ Nager.Date សម្រាប់កម្មវិធីដែលអានវា។"
    ),
    "site.json": "ឆ្នាំ{year}៖ ថ្ងៃទាំងអស់ (JSON)",
    "site.nager": "ឆ្នាំ{year}៖ ថ្ងៃឈប់សម្រាក (Nager.Date)",
    "site.language": "ភាសាខ្មែរ",
    "site.title": "ថ្ងៃបុណ្យនៅកម្ពុជាសម្រាប់ប្រតិទិនរបស់អ្នក",
    "site.heading": "ថ្ងៃបុណ្យ និងទិវារំលឹកនៅកម្ពុជា ជាភាសាខ្មែរ",
    "site.intro": (
        "ជាវតែម្តង ប្រតិទិនរបស់អ្នកនឹងធ្វើបច្ចុប្បន្នភាពដោយខ្លួនឯង៖ "
        "ពេលបញ្ជីថ្ងៃឈប់សម្រាកត្រូវបានចេញផ្សាយ ឬកាលបរិច្ឆេទណាមួយផ្លាស់ប្តូរ "
        "ព្រឹត្តិការណ៍នៅលើទូរស័ព្ទរបស់អ្នកក៏ផ្លាស់ប្តូរដែរ។"
    ),
    "site.everything": ("ទាំងអស់៖ ថ្ងៃឈប់សម្រាកសាធារណៈ ពិធីបុណ្យព្រះពុទ្ធសាសនា និងព្រះរាជពិធី និងទិវារំលឹក។"),
    "site.days-off": "តែថ្ងៃឈប់សម្រាក៖ ថ្ងៃឈប់សម្រាកសាធារណៈនៅកម្ពុជា រួមទាំងថ្ងៃឈប់សងជំនួស។",
    "site.remembrance": "ទិវារំលឹក៖ ថ្ងៃដែលកម្ពុជា និងពិភពលោករំលឹកដល់។",
    "site.buddhist": "ពិធីបុណ្យ និងថ្ងៃសីលព្រះពុទ្ធសាសនា (ថ្ងៃ ៨ កើត ១៥ កើត ៨ រោច និងថ្ងៃចុងខែ)។",
    "site.subscribe": "ជាវ (iPhone, iPad, Mac)",
    "site.copy": "តំណសម្រាប់ចម្លង",
    "site.scan": "ស្កេនដោយទូរស័ព្ទ",
    "site.how": "របៀបជាវ",
    "site.google": (
        "Google Calendar៖ នៅលើកុំព្យូទ័រ បើក calendar.google.com ចូល Settings, Add "
        "calendar, From URL បិទភ្ជាប់តំណសម្រាប់ចម្លង រួចចុច Add calendar។ បន្ទាប់មក "
        "វានឹងបង្ហាញនៅលើទូរស័ព្ទ Android របស់អ្នកផងដែរ។"
    ),
    "site.apple": (
        "Apple Calendar៖ នៅលើ iPhone, iPad ឬ Mac ចុចតំណជាវ (ឬស្កេនកូដដោយកាមេរ៉ា) រួចចុច "
        "Subscribe។ នៅលើ Mac អ្នកក៏អាចប្រើ File, New Calendar Subscription ផងដែរ។"
    ),
    "site.outlook": (
        "Outlook៖ នៅលើ outlook.com បើកប្រតិទិន ចូល Add calendar, Subscribe from web "
        "បិទភ្ជាប់តំណសម្រាប់ចម្លង ដាក់ឈ្មោះ រួចចុច Import។ នៅក្នុង Outlook សម្រាប់ "
        "Windows៖ Add calendar, From Internet។"
    ),
    # --- the published site's year calendars and observance pages ------------------------------------------
    "site.pages.index": "ប្រតិទិន និងការជាវ",
    "site.pages.other-years": "ឆ្នាំផ្សេងទៀត",
    "site.pages.year-calendars": "ប្រតិទិនប្រចាំឆ្នាំ",
    "site.calendar.title": "ប្រតិទិនខ្មែរ ឆ្នាំ{year}៖ ថ្ងៃឈប់សម្រាក ថ្ងៃខែចន្ទគតិ និងថ្ងៃសីល",
    "site.calendar.heading": "ប្រតិទិនខ្មែរ ឆ្នាំ{year}",
    "site.calendar.intro": (
        "ថ្ងៃនីមួយៗមានថ្ងៃខែចន្ទគតិរបស់វា ហើយថ្ងៃសីល ថ្ងៃឈប់សម្រាក និងទិវាដែលកម្ពុជារំលឹក ត្រូវបានគូសចំណាំ។ "
        "សប្តាហ៍ចាប់ផ្តើមពីថ្ងៃអាទិត្យ ដូចប្រតិទិនព្យួរជញ្ជាំងខ្មែរ។"
    ),
    "site.calendar.khmer-year": "ចាប់ពី{date}៖ {text}",
    "site.calendar.khmer-year.why": "{date} ({why})",
    "site.calendar.be-change": "ថ្ងៃបន្ទាប់ពីពិធីបុណ្យវិសាខបូជា",
    "site.calendar.months": "ខែ",
    "site.calendar.khmer-years": "ឆ្នាំខ្មែរ",
    "site.calendar.official": "ថ្ងៃឈប់សម្រាកឆ្នាំ{year} តាមបញ្ជីផ្លូវការដែលបានប្រកាសរួច។",
    "site.calendar.projected": "ថ្ងៃឈប់សម្រាកឆ្នាំ{year} គណនាតាមក្បួន ព្រោះបញ្ជីផ្លូវការមិនទាន់ប្រកាសនៅឡើយ។",
    "site.calendar.month": "ខែ{month} ឆ្នាំ{year}",
    "site.calendar.lunar-month": "ខែ{name}",
    "site.calendar.lunar-day": "{day} {phase}",
    "site.calendar.month-list": "ថ្ងៃបុណ្យ និងទិវាក្នុងខែ{month}",
    "site.calendar.nothing": "ខែនេះគ្មានថ្ងៃបុណ្យ ឬទិវាទេ។",
    "site.calendar.item": "{date}៖ {name}",
    "site.calendar.legend": "ការពន្យល់សញ្ញា",
    "site.calendar.legend.off": "ថ្ងៃឈប់សម្រាកសាធារណៈ",
    "site.calendar.legend.lieu": "ថ្ងៃឈប់សម្រាកសងជំនួស ថ្ងៃបុណ្យដែលត្រូវនឹងថ្ងៃចុងសប្តាហ៍",
    "site.calendar.legend.private": "ថ្ងៃឈប់សម្រាកសម្រាប់តែកម្មករនិយោជិតវិស័យឯកជន",
    "site.calendar.legend.holy": "{name}៖ {rule}",
    "site.calendar.legend.observance": "ថ្ងៃបុណ្យ ឬទិវារំលឹក ដែលមិនមែនជាថ្ងៃឈប់សម្រាក",
    "site.calendar.legend.weekend": "ថ្ងៃសៅរ៍ និងថ្ងៃអាទិត្យ",
    "site.calendar.legend.lunar": (
        "ក្រោមថ្ងៃទីនីមួយៗ គឺថ្ងៃខែចន្ទគតិ៖ កើត (ព្រះចន្ទកំពុងពេញ) ឬរោច (ព្រះចន្ទកំពុងស្រក) និងឈ្មោះខែចន្ទគតិ នៅថ្ងៃដែលខែនោះចាប់ផ្តើម។"
    ),
    "site.calendar.print": "ការបោះពុម្ព",
    "site.calendar.month-a-page": "មួយខែមួយទំព័រ",
    "site.calendar.one-sheet": "ឆ្នាំទាំងមូលលើក្រដាសមួយសន្លឹក",
    "site.calendar.print-note": "ទាំងពីររបៀបបោះពុម្ពលើក្រដាស A4។",
    "site.observance.title": "{name}៖ ថ្ងៃបុណ្យ និងទិវារំលឹកនៅកម្ពុជា",
    "site.observance.dates": "កាលបរិច្ឆេទ",
    "site.observance.year": "ឆ្នាំ{year}",
    "site.observance.rule": "ថ្ងៃប្រារព្ធ",
    "site.observance.lieu": "{date}៖ {name}",
}
