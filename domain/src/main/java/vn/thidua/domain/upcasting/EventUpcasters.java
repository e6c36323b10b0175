package vn.thidua.domain.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcaster;

import java.util.List;

/**
 * Every upcaster in force, oldest revision first; both services and the dead-letter queues read events through them.
 * <p>
 * No event has changed its schema yet. The first change is routine:
 * <ol>
 * <li>change the record and raise its {@code @Revision} (e.g. "1" → "2");</li>
 * <li>keep the approved fixture {@code events/<Type>-1.json} in the domain's test resources and add
 * {@code <Type>-2.json} (the approved-JSON test writes the new one on its first run, for review);</li>
 * <li>write a {@link RevisionUpcaster} from "1" to "2" and list it here. {@code ApprovedEventJsonTest} then reads
 * the old fixture through this list and requires the event the new fixture holds.</li>
 * </ol>
 */
public final class EventUpcasters {

    public static final List<EventUpcaster> ALL = List.of();

    private EventUpcasters() {
    }
}
