package org.lifeevents.portal.web;

import java.net.URI;
import java.time.Duration;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.lifeevents.portal.i18n.Languages;

/** The language switch of every page: remembers the choice in a cookie and returns to the page it came from. */
@Path("/language")
public class LanguageResource {

    private static final int ONE_YEAR = (int) Duration.ofDays(365).toSeconds();

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@FormParam("lang") String lang, @FormParam("back") String back) {
        Response.ResponseBuilder answer = Response.seeOther(URI.create(localPath(back)));
        if (Languages.isSupported(lang)) {
            answer.cookie(new NewCookie.Builder(Languages.COOKIE).value(lang).path("/").maxAge(ONE_YEAR)
                    .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build());
        }
        return answer.build();
    }

    /** Only a path on this site: anything else (another host, "//host", a scheme) goes to the start page. */
    static String localPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")
                || back.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return back;
    }
}
