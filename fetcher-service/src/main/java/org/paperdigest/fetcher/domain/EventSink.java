package org.paperdigest.fetcher.domain;

import org.paperdigest.events.IssuePlanned;
import org.paperdigest.events.PaperFailed;
import org.paperdigest.events.PaperFetched;

/** Where the fetcher's events go; each call returns once the event is stored (or throws). */
public interface EventSink {

    void planned(IssuePlanned event);

    void fetched(PaperFetched event);

    void failed(PaperFailed event);
}
