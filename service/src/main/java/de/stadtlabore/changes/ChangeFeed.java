package de.stadtlabore.changes;

import java.util.List;

/**
 * A page of the change feed: the changes after the cursor in commit order, the cursor to ask
 * with next time, and whether more are waiting now.
 */
public record ChangeFeed(List<Change> items, String next, boolean more) {
}
