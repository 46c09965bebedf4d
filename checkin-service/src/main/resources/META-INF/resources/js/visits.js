/*
 * The visitor's own visits, kept only in this browser, and the my-visits page that matches them against the published
 * exposure sites here in the browser (checkin-service README, "My visits"). Nothing about the visits is ever sent to any
 * server: the success and check-out pages only write localStorage, and the my-visits page reads the feed with a plain
 * GET (no query, no cookies) that is the same for everyone. Plain ES5, no library: it must run on cheap phones.
 */
(function () {
  'use strict';
  var KEY = 'qrtrace.visits.v1';
  var KEEP_MS = 21 * 24 * 3600 * 1000; // the presence store keeps 21 days; an older visit cannot match anything
  var MAX_VISITS = 1000;                // a bound on what a page stores, far above 21 days of visits
  var FEED_TIMEOUT_MS = 20000;
  var doc = document;

  function storage() { // null when the browser keeps nothing (private mode, storage disabled or full)
    try {
      var s = window.localStorage, probe = KEY + '.probe';
      s.setItem(probe, '1');
      s.removeItem(probe);
      return s;
    } catch (e) {
      return null;
    }
  }

  function ms(iso) {
    return typeof iso === 'string' ? Date.parse(iso) : NaN;
  }

  function isArray(a) {
    return Object.prototype.toString.call(a) === '[object Array]';
  }

  function kept(v, now) {
    return v && typeof v.id === 'string' && typeof v.venueId === 'string' && ms(v.checkedInAt) >= now - KEEP_MS;
  }

  function read(s) {
    var now = Date.now(), visits;
    try {
      visits = JSON.parse(s.getItem(KEY) || '[]');
    } catch (e) {
      return [];
    }
    return isArray(visits) ? visits.filter(function (v) { return kept(v, now); }) : [];
  }

  function write(s, visits) { // prunes to the last 21 days, newest first
    var now = Date.now();
    visits = visits.filter(function (v) { return kept(v, now); });
    visits.sort(function (a, b) { return ms(b.checkedInAt) - ms(a.checkedInAt); });
    visits.length = Math.min(visits.length, MAX_VISITS);
    try {
      s.setItem(KEY, JSON.stringify(visits));
    } catch (e) { /* storage full: keep what was there */ }
  }

  function find(visits, id) {
    for (var i = 0; i < visits.length; i++) {
      if (visits[i].id === id) return visits[i];
    }
    return null;
  }

  /* Success page: keep the visit (a repeated scan of the same visit updates it). Check-out page: set its end. */
  function remember(el) {
    var s = storage();
    if (!s) return;
    var visits = read(s), id = el.getAttribute('data-checkin-id'), v = find(visits, id);
    var checkedInAt = el.getAttribute('data-checked-in-at'), checkedOutAt = el.getAttribute('data-checked-out-at');
    if (checkedInAt) {
      if (!v) {
        v = { id: id };
        visits.push(v);
      }
      v.venueId = (el.getAttribute('data-venue-id') || '').toLowerCase();
      v.venueName = el.getAttribute('data-venue-name') || null;
      v.entranceName = el.getAttribute('data-entrance-name') || null;
      v.checkedInAt = checkedInAt;
      v.autoCheckoutAt = el.getAttribute('data-auto-checkout-at') || null;
    } else if (checkedOutAt && v) {
      v.checkedOutAt = checkedOutAt;
    }
    write(s, visits);
  }

  /* ---- the my-visits page ---- */

  function MyVisits(root) {
    this.root = root;
    this.feedUrl = root.getAttribute('data-feed');
    this.stayMs = (parseInt(root.getAttribute('data-stay-minutes'), 10) || 120) * 60000;
    this.offsetMs = (parseInt(root.getAttribute('data-tz-offset-minutes'), 10) || 0) * 60000;
    this.store = storage();
    this.visits = this.store ? read(this.store) : [];
    this.attempt = 0;
  }

  MyVisits.prototype.byId = function (id) {
    return doc.getElementById(id);
  };

  MyVisits.prototype.show = function (id, on) {
    this.byId(id).hidden = !on;
  };

  /** Shows one of the results (checking, failed, none, matches), or none of them. */
  MyVisits.prototype.state = function (which) {
    var ids = ['checking', 'failed', 'none', 'matches'];
    for (var i = 0; i < ids.length; i++) this.show(ids[i], ids[i] === which);
  };

  MyVisits.prototype.pad = function (n) {
    return (n < 10 ? '0' : '') + n;
  };

  /** Local time of the visitors' zone (a fixed offset: Vietnam has no daylight saving), as the other pages show it. */
  MyVisits.prototype.local = function (t) {
    var d = new Date(t + this.offsetMs);
    return {
      hm: this.pad(d.getUTCHours()) + ':' + this.pad(d.getUTCMinutes()),
      day: this.pad(d.getUTCDate()) + '/' + this.pad(d.getUTCMonth() + 1) + '/' + d.getUTCFullYear()
    };
  };

  MyVisits.prototype.time = function (t) {
    var l = this.local(t);
    return l.hm + ', ' + l.day;
  };

  MyVisits.prototype.range = function (a, b) {
    var x = this.local(a), y = this.local(b);
    return x.day === y.day ? x.hm + ' – ' + y.hm + ', ' + x.day : this.time(a) + ' – ' + this.time(b);
  };

  /** Where a visit ends for matching: its check-out, else its automatic end, else the configured default stay. */
  MyVisits.prototype.end = function (v) {
    var start = ms(v.checkedInAt), out = ms(v.checkedOutAt), auto = ms(v.autoCheckoutAt);
    if (out >= start) return out;
    if (auto >= start) return auto;
    return start + this.stayMs;
  };

  /** Every (visit, site) pair at the same venue whose times overlap: [in, end) meets [from, to). */
  MyVisits.prototype.match = function (sites) {
    var hits = [], self = this;
    this.visits.forEach(function (v) {
      var start = ms(v.checkedInAt), end = self.end(v);
      sites.forEach(function (site) {
        if (!site || typeof site.venueId !== 'string' || site.venueId.toLowerCase() !== v.venueId) return;
        var from = ms(site.from), to = ms(site.to);
        if (start < to && from < end) hits.push({ visit: v, site: site });
      });
    });
    return hits;
  };

  MyVisits.prototype.fill = function (node, slot, text) {
    var el = node.querySelector('[data-slot="' + slot + '"]');
    el.textContent = text || '';
    return el;
  };

  MyVisits.prototype.clone = function (id) { // the template's element (a browser without <template> shows it inline)
    var t = this.byId(id);
    return (t.content || t).cloneNode(true).querySelector('*');
  };

  MyVisits.prototype.renderList = function (hits) {
    var list = this.byId('list'), self = this;
    while (list.firstChild) list.removeChild(list.firstChild);
    this.visits.forEach(function (v) {
      var li = self.clone('t-visit'), start = ms(v.checkedInAt), out = ms(v.checkedOutAt);
      self.fill(li, 'venue', v.venueName || v.venueId);
      self.fill(li, 'entrance', v.entranceName);
      self.fill(li, 'in', self.time(start));
      self.fill(li, 'out', out >= start ? self.time(out)
        : self.root.getAttribute('data-not-out').replace('{0}', self.time(self.end(v))));
      li.querySelector('[data-slot="hit"]').hidden = !hits.some(function (h) { return h.visit === v; });
      list.appendChild(li);
    });
    this.show('empty', this.visits.length === 0);
  };

  MyVisits.prototype.renderMatches = function (hits) {
    var box = this.byId('matches'), self = this;
    while (box.firstChild) box.removeChild(box.firstChild);
    hits.forEach(function (h) {
      var card = self.clone('t-match'), v = h.visit, s = h.site;
      self.fill(card, 'venue', s.venueName || v.venueName);
      self.fill(card, 'address', s.address);
      self.fill(card, 'window', self.range(ms(s.from), ms(s.to)));
      self.fill(card, 'visit', self.range(ms(v.checkedInAt), self.end(v)));
      self.fill(card, 'advice', typeof s.advice === 'string' && s.advice.trim() ? s.advice
        : self.root.getAttribute('data-advice'));
      box.appendChild(card);
    });
  };

  /** Reads the feed: a plain GET, no query string, no cookies, no referrer. Calls back with the feed or null. */
  MyVisits.prototype.load = function (done) {
    var finished = false, url = this.feedUrl, controller = window.AbortController ? new AbortController() : null;
    function finish(text) {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      var feed = null;
      try {
        feed = text == null ? null : JSON.parse(text);
      } catch (e) {
        feed = null;
      }
      done(feed && typeof feed === 'object' && isArray(feed.sites) ? feed : null);
    }
    var timer = setTimeout(function () {
      if (controller) controller.abort();
      finish(null);
    }, FEED_TIMEOUT_MS);
    if (window.fetch) {
      var options = { method: 'GET', credentials: 'omit', referrerPolicy: 'no-referrer' };
      if (controller) options.signal = controller.signal;
      window.fetch(url, options)
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(finish, function () { finish(null); });
    } else {
      var x = new XMLHttpRequest(); // withCredentials stays false: no cookies
      x.open('GET', url, true);
      x.onload = function () { finish(x.status >= 200 && x.status < 300 ? x.responseText : null); };
      x.onerror = x.onabort = x.ontimeout = function () { finish(null); };
      x.send();
    }
  };

  MyVisits.prototype.check = function () {
    var self = this, attempt = ++this.attempt;
    this.state('checking');
    this.byId('retry').disabled = true;
    this.load(function (feed) {
      if (attempt !== self.attempt) return; // a later check (or forgetting) superseded this one
      self.byId('retry').disabled = false;
      if (!feed) { // never "no match" when we could not look
        self.state('failed');
        return;
      }
      var hits = self.match(feed.sites);
      self.renderList(hits);
      if (hits.length) {
        self.renderMatches(hits);
        self.state('matches');
      } else {
        var generated = ms(feed.generatedAt);
        self.fill(self.byId('none'), 'generated', isNaN(generated) ? '–' : self.time(generated));
        self.state('none');
      }
    });
  };

  MyVisits.prototype.forget = function () {
    if (!window.confirm(this.root.getAttribute('data-confirm'))) return;
    if (this.store) {
      try {
        this.store.removeItem(KEY);
      } catch (e) { /* nothing kept anyway */ }
    }
    this.visits = [];
    this.attempt++;
    this.state(null);
    this.renderList([]);
    this.show('forgotten', true);
  };

  MyVisits.prototype.start = function () {
    var self = this;
    this.show('nostore', !this.store);
    this.renderList([]);
    this.byId('retry').addEventListener('click', function () { self.check(); });
    this.byId('forget').addEventListener('click', function () { self.forget(); });
    if (this.visits.length) this.check(); // nothing to match, nothing to fetch
  };

  var visit = doc.getElementById('visit'), root = doc.getElementById('mv');
  if (visit) remember(visit);
  if (root) new MyVisits(root).start();
})();
