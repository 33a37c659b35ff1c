package io.sideline.lookup;

import java.util.List;

/**
 * One page of results.
 *
 * @param items the results on this page
 * @param page  its number, from 0
 * @param size  the page size asked for
 * @param total how many results there are on all pages
 * @param <T>   the kind of result
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    /** @return whether there are results after this page */
    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
