// Reads an iCalendar feed the way Thunderbird does (ical.js) and prints what it understood, as JSON.
// Usage: node read_feed.mjs FILE.ics, or node read_feed.mjs http://HOST/FEED.ics (fetched as a client does)
import fs from "node:fs";
import ICAL from "ical.js";

async function load(where) {
  if (!/^https?:\/\//.test(where)) return fs.readFileSync(where, "utf8");
  const response = await fetch(where, { headers: { "Accept-Encoding": "gzip" } });
  if (!response.ok) throw new Error(`${where}: HTTP ${response.status}`);
  return await response.text();
}

const text = await load(process.argv[2]);
const calendar = new ICAL.Component(ICAL.parse(text));

function day(time) {
  // An all-day date, as the client stores it: no time, no zone.
  return { date: time.toString(), isDate: time.isDate, zone: time.zone ? time.zone.tzid : null };
}

const events = calendar.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  const alarms = component.getAllSubcomponents("valarm").map((alarm) => {
    const trigger = alarm.getFirstProperty("trigger");
    return {
      action: alarm.getFirstPropertyValue("action"),
      trigger: trigger.getFirstValue().toString(),
      related: trigger.getParameter("related") || null,
    };
  });
  return {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    start: day(event.startDate),
    end: day(event.endDate),
    sequence: event.sequence,
    stamp: component.getFirstPropertyValue("dtstamp").toString(),
    categories: component.getAllProperties("categories").flatMap((p) => p.getValues()),
    transparency: component.getFirstPropertyValue("transp"),
    alarms,
  };
});

process.stdout.write(
  JSON.stringify({
    name: calendar.getFirstPropertyValue("x-wr-calname"),
    description: calendar.getFirstPropertyValue("x-wr-caldesc"),
    method: calendar.getFirstPropertyValue("method"),
    version: calendar.getFirstPropertyValue("version"),
    events,
  }),
);
