using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace NocBoard.Accounts;

/// <summary>
/// Identity's sign-in manager, with NocBoard's rule that a disabled user cannot log in and loses
/// existing sessions at the next security stamp check.
/// </summary>
public sealed class NocSignInManager(
    UserManager<NocUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<NocUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<NocUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<NocUser> confirmation)
    : SignInManager<NocUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(NocUser user) =>
        !user.Disabled && await base.CanSignInAsync(user);

    public override async Task<NocUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { Disabled: false } ? user : null;
    }
}
