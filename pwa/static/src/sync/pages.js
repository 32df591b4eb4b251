// Pulled pages on their way to the store (sync/pull.js, sync/incoming.js). Rules:
// - Pages are fetched one after the other (each names the checkpoint of the one before), as
//   soon as the one before has arrived, while at most `ahead` pages are not yet taken.
// - A take returns the next page and, when it is a page of records (status 200), the pages
//   of records behind it that have already arrived, so one commit stores them all; any
//   other answer (410, an error) is taken alone, after the pages before it.
// - Pages stored together keep one change per record: the last, as the feed orders them.

/**
 * The pages from `from` on; `fetchPage(since)` resolves to {answer, …} where `answer` is
 * {status, body} and a page of records' body has `has_more` and `checkpoint`.
 */
export function pageQueue(fetchPage, from, ahead) {
  const items = []; // {promise, got?} in page order, not yet taken
  let next = null; // {since}: the page to fetch once there is room
  const request = (since) => {
    const item = {};
    item.promise = fetchPage(since).then((got) => {
      item.got = got;
      if (isRecords(got) && got.answer.body.has_more) next = { since: got.answer.body.checkpoint };
      refill();
      return got;
    });
    item.promise.catch(() => null); // a page may be abandoned when storing the one before fails
    items.push(item);
  };
  const refill = () => {
    if (!next || items.length >= ahead) return;
    const { since } = next;
    next = null;
    request(since);
  };
  request(from);
  return {
    /** The next page and the pages of records behind it that have arrived, at most `most`. */
    async take(most) {
      const first = await items[0].promise;
      items.shift();
      const taken = [first];
      while (isRecords(first) && taken.length < most && items[0]?.got && isRecords(items[0].got))
        taken.push(items.shift().got);
      refill();
      return taken;
    },
  };
}

/**
 * The changes of pages stored together, with only the last of each record's, and `keep`
 * for filtering anything in the pages' concatenated change order the same way.
 */
export function latestChanges(pages) {
  const all = pages.flatMap((page) => page.changes);
  const lastAt = new Map(all.map((change, i) => [change.id, i]));
  const keep = (_, i) => lastAt.get(all[i].id) === i;
  return { changes: all.filter(keep), keep };
}

function isRecords(got) {
  return got.answer.status === 200;
}
