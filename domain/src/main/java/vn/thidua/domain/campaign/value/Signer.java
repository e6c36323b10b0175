package vn.thidua.domain.campaign.value;

/** Người ký: e.g. onBehalfOf "TM. Ủy ban nhân dân", title "Chủ tịch", name "Trần Quang Vũ". */
public record Signer(String name, String title, String onBehalfOf) {
}
