package vn.thidua.domain.campaign.value;

import vn.thidua.domain.common.Level;

/** Cơ quan ban hành: name as printed (e.g. "UBND huyện Bố Trạch") and its level. */
public record Issuer(String name, Level level) {
}
