// chronique: counts of the filtered events by facet (/facets.json), each value a link
// that adds it to the filters (the others are kept). Text only: values are set with
// textContent, never as HTML.
"use strict";

(function () {
  const box = document.getElementById("facets");
  if (!box) return;
  const query = box.dataset.query || "";
  // facet -> [heading, filter parameters a value sets]
  const FACETS = {
    country: ["country", (v) => ({ country: v })],
    admin1: ["region", null],
    month: ["month", (v) => ({ date_from: v.slice(0, 7), date_to: v.slice(0, 7) })],
    type: ["type", (v) => ({ type: v })],
    actor: ["actor", (v) => ({ actor: v })],
    claimant: ["claimant", (v) => ({ claimant: v })],
    modality: ["modality", (v) => ({ modality: v })],
  };

  function href(changes) {
    const params = new URLSearchParams(query);
    for (const [k, v] of Object.entries(changes)) params.set(k, v);
    params.delete("offset");
    return "/events?" + params.toString();
  }

  fetch("/facets.json?top=8&by=" + Object.keys(FACETS).join(",") + (query ? "&" + query : ""),
        { credentials: "same-origin" })
    .then((r) => { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then((data) => {
      for (const [facet, [heading, link]] of Object.entries(FACETS)) {
        const items = (data.facets[facet] || []).filter((x) => x.value !== null && x.value !== "");
        if (!items.length) continue;
        const part = document.createElement("div");
        part.className = "facet";
        part.id = "facet-" + facet;
        const h = document.createElement("h3");
        h.textContent = heading;
        part.appendChild(h);
        const list = document.createElement("ul");
        for (const item of items) {
          const li = document.createElement("li");
          const label = facet === "admin1" && item.country ? item.value + " (" + item.country + ")"
            : facet === "month" ? item.value.slice(0, 7) : item.value;
          if (link) {
            const a = document.createElement("a");
            a.href = href(link(item.value));
            a.textContent = label;
            li.appendChild(a);
          } else {
            li.appendChild(document.createTextNode(label));
          }
          if (facet === "actor" || facet === "claimant") {  // the party's own page
            const page = document.createElement("a");
            page.className = "actor-page";
            page.href = "/actors/" + encodeURIComponent(item.value);
            page.title = "its page: partners, claims over time";
            page.textContent = " ↗";
            li.appendChild(page);
          }
          const n = document.createElement("span");
          n.className = "count";
          n.textContent = " " + item.count;
          li.appendChild(n);
          list.appendChild(li);
        }
        part.appendChild(list);
        box.appendChild(part);
      }
      box.dataset.ready = "1";
    })
    .catch(() => { box.dataset.ready = "error"; });
})();
