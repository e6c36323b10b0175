package vn.thidua.domain.campaign.value;

import vn.thidua.domain.common.Check;

/** Công trình, phần việc chào mừng pledged by a unit. */
public record PledgedWork(String workId, String title, String description) {

    /** Refuses a work without id or title; {@code at} names it in the request. */
    public static PledgedWork check(PledgedWork work, String at) {
        Check.required(work, at);
        Check.required(work.workId(), at + ".workId");
        Check.required(work.title(), at + ".title");
        return work;
    }
}
