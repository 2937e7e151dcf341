package org.paperdigest.publisher.render;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.util.List;

/** Reads a feed back with Rome's parser, as a feed reader would, and insists that it is Atom 1.0. */
public final class AtomFeeds {

    private AtomFeeds() {
    }

    public static Feed parse(String xml) {
        try {
            WireFeed feed = new WireFeedInput().build(new StringReader(xml));
            if (!"atom_1.0".equals(feed.getFeedType())) {
                throw new AssertionError("not Atom 1.0 but " + feed.getFeedType());
            }
            return (Feed) feed;
        } catch (FeedException e) {
            throw new AssertionError("the feed does not parse: " + e.getMessage() + "\n" + xml, e);
        }
    }

    /** Each link as {@code rel type href}, for comparing whole link lists at once. */
    public static List<String> describe(List<Link> links) {
        return links.stream().map(link -> link.getRel() + " " + link.getType() + " " + link.getHref()).toList();
    }
}
