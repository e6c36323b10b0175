package vn.thidua.command.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.planimport.PlanDraft;
import vn.thidua.planimport.PlanImportException;
import vn.thidua.planimport.PlanImporter;
import vn.thidua.service.security.Allowed;
import vn.thidua.service.web.Problems;
import vn.thidua.service.web.RequestGuard;

import static vn.thidua.domain.common.Role.ORGANIZER;

/**
 * {@code POST /api/plan-drafts}: a plan sent as it is (a .docx, or UTF-8 text: typed, copied from a PDF or pasted
 * from a web page) answered as a draft of the plan {@code POST /api/campaigns} takes, each field with where it was read
 * and how sure the reading is, the blanks with why. Nothing is stored: the organizer corrects the draft and launches
 * it with the normal command. The body's type and size are checked before this runs ({@link RequestGuard}).
 */
@RestController
@RequestMapping("/api/plan-drafts")
public class PlanDraftController {

    static {
        if (RequestGuard.MAX_DOCUMENT_BYTES != PlanImporter.MAX_BYTES) {
            throw new IllegalStateException("the guard's and the importer's document limits differ");
        }
    }

    @PostMapping(consumes = {MediaType.TEXT_PLAIN_VALUE, RequestGuard.DOCX_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Allowed(ORGANIZER)
    public PlanDraft draft(@RequestBody byte[] body) {
        return PlanImporter.read(body);
    }

    @ExceptionHandler(PlanImportException.class)
    ResponseEntity<ProblemDetail> unreadable(PlanImportException e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "unreadable-plan", e.getMessage(), null);
    }
}
