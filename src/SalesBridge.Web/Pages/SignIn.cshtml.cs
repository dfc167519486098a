using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SalesBridge.Users;

namespace SalesBridge.Web.Pages;

public sealed class SignInModel(SignInManager<WorkspaceUser> signIn) : PageModel
{
    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email."), EmailAddress(ErrorMessage = "Enter an email address."), MaxLength(256)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password."), MaxLength(256)]
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await signIn.UserManager.FindByEmailAsync(Input.Email);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError("", result.IsLockedOut
            ? "This account is locked after too many failed sign-ins. Try again in 15 minutes or ask your admin."
            : "The email or password is not correct.");
        return Page();
    }
}
